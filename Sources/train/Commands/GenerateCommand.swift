import AccidentML
import ArgumentParser
import Foundation

/// `train generate`: writes a synthetic BAAC year with the project's generator.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic BAAC year (the four official files) with a learnable severity mechanism.",
        discussion: """
            The defaults recreate the embedded default data exactly: train generate --output data/default
            The files are written atomically: the folder never holds a half-written year.
            """)

    @Option(help: "Number of accidents.")
    var accidents = SyntheticBAAC.defaultSampleCount

    @Option(help: "Seed: the same seed, year and count always give the same files.")
    var seed = SyntheticBAAC.defaultSampleSeed

    @Option(help: "Year of the accidents (2005 or later); also names the files.")
    var year = SyntheticBAAC.defaultSampleYear

    @Option(help: ArgumentHelp("File layout: 2005 (2005–2018), 2019 (2019–2021) or 2022 (2022 on); default: the year's own.",
                               valueName: "layout"))
    var layout: LayoutChoice?

    @Option(help: ArgumentHelp("The folder to write the four files into (created if needed).", valueName: "folder"))
    var output: String

    @OptionGroup(title: "Run") var options: RunOptions

    func validate() throws {
        guard accidents >= 1, accidents < 100_000_000 else {
            throw ValidationError("--accidents must be between 1 and 99,999,999 (Num_Acc has 8 digits), got \(accidents).")
        }
        guard (2005...9999).contains(year) else { throw ValidationError("--year must be 2005 or later, got \(year).") }
    }

    func run() throws {
        let console = Console.current
        let folder = console.url(output)
        let watch = Stopwatch()
        let files = try SyntheticBAAC(seed: seed, year: year).write(count: accidents, to: folder, layout: layout?.layout)
        guard options.verbosity >= .normal else { return }
        var table = Table(header: ["file", "rows"])
        for (url, rows) in zip(files.urls, files.rowCounts) { table.add([console.display(url), Format.count(rows)]) }
        console.out.write(table.rendered() + "\n" + Summary.facts([
            ("generated", "\(Format.count(accidents)) accidents of \(year), seed \(seed), "
                + "\(BAACLayout(layout?.layout ?? .official(forYear: year))) (\(Format.bytes(files.byteCount)))"),
            ("time", Format.seconds(watch.seconds)),
        ]))
    }
}

/// The layouts `--layout` accepts, named by their first year.
enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
    /// 2005–2018.
    case y2005 = "2005"
    /// 2019–2021.
    case y2019 = "2019"
    /// 2022 on.
    case y2022 = "2022"

    /// The writer's layout.
    var layout: BAACWriter.Layout {
        switch self {
        case .y2005: .y2005
        case .y2019: .y2019
        case .y2022: .y2022
        }
    }
}

extension BAACLayout {
    /// The reader's name of a writer layout (they are named alike).
    init(_ layout: BAACWriter.Layout) {
        self = BAACLayout(rawValue: layout.rawValue)!
    }
}
