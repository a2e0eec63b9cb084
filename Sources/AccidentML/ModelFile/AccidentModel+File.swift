import Foundation

/// Reading and writing the portable model file (docs/model-format.md).
extension AccidentModel {
    static let metadataTag = "META"
    static let inputTag = "INPT"

    /// The model file's bytes.
    func fileContainer() throws -> ModelContainer {
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        var container = ModelContainer()
        container.add(Self.metadataTag, Array(try json.encode(metadata)))
        container.add(Self.inputTag, Array(try json.encode(input)))
        let (tag, bytes) = classifier.encodedSection()
        container.add(tag, bytes)
        for (tag, bytes) in classifier.optionalSections() { container.add(tag, bytes) }
        return container
    }

    /// Writes the model file atomically (temporary file, then rename); never a half-written file.
    public mutating func write(to url: URL) throws {
        let container: ModelContainer
        do { container = try fileContainer() } catch let e as ModelFileError { throw e } catch {
            throw ModelFileError.io(path: url.path, reason: "cannot encode the model: \(error)")
        }
        fileChecksum = CRC32.hex(try container.write(to: url))
    }

    /// The largest model file `load` reads by default: 256 MiB, far above any model `train` writes
    /// (a 300-tree, 31-leaf model is about 0.5 MB).
    public static let defaultMaxFileBytes = 256 << 20

    /// Reads a model file; a truncated, corrupted, wrong-version or inconsistent file throws
    /// a `ModelFileError` naming the problem.
    ///
    /// Anything but a regular file of at most `maxFileBytes` bytes is refused before it is read,
    /// and the declared section sizes are checked against the file's size first, so a wrong or
    /// hostile file costs a few small reads, never the memory it claims.
    public static func load(from url: URL, maxFileBytes: Int = defaultMaxFileBytes) throws -> AccidentModel {
        let container = try ModelContainer.read(from: url, maxBytes: maxFileBytes)
        return try decode(container, path: url.path)
    }

    /// Decodes a parsed container.
    static func decode(_ container: ModelContainer, path: String) throws -> AccidentModel {
        let json = JSONDecoder()
        let metadata: ModelMetadata
        let input: ModelInput
        do {
            metadata = try json.decode(ModelMetadata.self, from: Data(try container.requiredSection(metadataTag, path: path)))
        } catch let e as ModelFileError { throw e } catch DecodingError.dataCorrupted(let context) {
            throw ModelFileError.invalidSection(path: path, tag: metadataTag, reason: context.debugDescription)
        } catch {
            throw ModelFileError.invalidSection(path: path, tag: metadataTag, reason: "\(error)")
        }
        do {
            input = try json.decode(ModelInput.self, from: Data(try container.requiredSection(inputTag, path: path)))
        } catch let e as ModelFileError { throw e } catch {
            throw ModelFileError.invalidSection(path: path, tag: inputTag, reason: "\(error)")
        }
        let classifier = try TrainedClassifier.decode(kind: metadata.kind, from: container, path: path)
        let expected = input.columnCount(for: classifier.family)
        var encoderClasses = metadata.classLabels
        if case .baac(let encoder) = input { encoderClasses = encoder.classLabels }
        guard classifier.classifier.featureCount == expected,
              classifier.classifier.classCount == metadata.classLabels.count,
              metadata.classLabels == encoderClasses else {
            throw ModelFileError.invalidSection(
                path: path, tag: classifier.encodedSection().tag,
                reason: "the model expects \(classifier.classifier.featureCount) features and \(classifier.classifier.classCount) classes, the input gives \(expected) and the metadata \(metadata.classLabels.count) classes \(metadata.classLabels) (encoder: \(encoderClasses))")
        }
        var model = AccidentModel(metadata: metadata, input: input, classifier: classifier)
        model.fileChecksum = CRC32.hex(container.checksum)
        return model
    }

}
