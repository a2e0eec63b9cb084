import ArgumentParser

/// The years of `--years`: one year (`2021`) or an inclusive range (`2019-2021`).
struct YearRange: ExpressibleByArgument, CustomStringConvertible, Equatable, Sendable {
    /// The years.
    let years: ClosedRange<Int>

    /// Every year the database can hold (its `year` column is a smallint).
    static let all = YearRange(years: 0...Int(Int16.max))

    init(years: ClosedRange<Int>) { self.years = years }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
              Self.all.years.contains(first), Self.all.years.contains(last), first <= last else { return nil }
        years = first...last
    }

    /// `2019–2021`, `2021`, or `all years`.
    var description: String {
        if self == .all { return "all years" }
        return years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
    }
}
