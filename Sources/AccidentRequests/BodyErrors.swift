/// Why a request body could not be turned into records (mapped to HTTP answers by `APIError.from`).

/// A well-formed body of the wrong shape, e.g. an array where one record was expected, or
/// a CSV header naming an unknown column (`field`).
package struct BodyShapeError: Error {
    package let message: String
    package var field: String? = nil
}

/// A body that cannot be parsed at all (JSON syntax, CSV structure, text encoding).
package struct MalformedBodyError: Error {
    package let message: String
}

/// A batch with more records than `MAX_BATCH_SIZE`; `count` is nil when reading stopped early.
package struct BatchTooLargeError: Error {
    package let count: Int?
    package let limit: Int
}
