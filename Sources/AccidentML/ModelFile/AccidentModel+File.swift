import Foundation

/// Reading and writing the portable model file (docs/model-format.md).
extension AccidentModel {
    static let metadataTag = "META"
    static let encoderTag = "ENCD"

    /// The model file's bytes.
    func fileContainer() throws -> ModelContainer {
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        var container = ModelContainer()
        container.add(Self.metadataTag, Array(try json.encode(metadata)))
        container.add(Self.encoderTag, Array(try json.encode(encoder)))
        let (tag, bytes) = classifier.encodedSection()
        container.add(tag, bytes)
        return container
    }

    /// Writes the model file atomically (temporary file, then rename); never a half-written file.
    public mutating func write(to url: URL) throws {
        let container: ModelContainer
        do { container = try fileContainer() } catch let e as ModelFileError { throw e } catch {
            throw ModelFileError.io(path: url.path, reason: "cannot encode the model: \(error)")
        }
        fileChecksum = Self.checksumText(try container.write(to: url))
    }

    /// Reads a model file; a truncated, corrupted, wrong-version or inconsistent file throws
    /// a `ModelFileError` naming the problem.
    public static func load(from url: URL) throws -> AccidentModel {
        let container = try ModelContainer.read(from: url)
        return try decode(container, path: url.path)
    }

    /// Decodes a parsed container.
    static func decode(_ container: ModelContainer, path: String) throws -> AccidentModel {
        let json = JSONDecoder()
        let metadata: ModelMetadata
        let encoder: FittedEncoder
        do {
            metadata = try json.decode(ModelMetadata.self, from: Data(try container.requiredSection(metadataTag, path: path)))
        } catch let e as ModelFileError { throw e } catch {
            throw ModelFileError.invalidSection(path: path, tag: metadataTag, reason: "\(error)")
        }
        do {
            encoder = try json.decode(FittedEncoder.self, from: Data(try container.requiredSection(encoderTag, path: path)))
        } catch let e as ModelFileError { throw e } catch {
            throw ModelFileError.invalidSection(path: path, tag: encoderTag, reason: "\(error)")
        }
        let classifier = try TrainedClassifier.decode(kind: metadata.kind, from: container, path: path)
        let expected = encoder.columnCount(for: classifier.family)
        guard classifier.classifier.featureCount == expected,
              classifier.classifier.classCount == encoder.classLabels.count,
              metadata.classLabels == encoder.classLabels else {
            throw ModelFileError.invalidSection(
                path: path, tag: classifier.encodedSection().tag,
                reason: "the model expects \(classifier.classifier.featureCount) features and \(classifier.classifier.classCount) classes, the encoder gives \(expected) and \(encoder.classLabels.count)")
        }
        var model = AccidentModel(metadata: metadata, encoder: encoder, classifier: classifier)
        model.fileChecksum = checksumText(container.checksum)
        return model
    }

    static func checksumText(_ crc: UInt32) -> String {
        let s = String(crc, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
