import Foundation

/// Deterministic synthetic BAAC data: realistic marginals and a learnable severity mechanism
/// (docs/synthetic-data.md), as `BAACTables` or streamed straight into official files.
///
/// Every accident is drawn from its own random stream (seed + index), so the rows never depend
/// on the chunk size or the number of threads, and the same seed always gives the same files.
/// The columns a year's official files lack are left missing, like a reader would return them:
/// no `id_usager` before 2022, no hit-and-run people before 2021, and before 2019 no
/// `id_vehicule`, `vma`, `motor`, `secu2`/`secu3`, and coordinates to 1e-5 degrees.
public struct SyntheticBAAC: Sendable {
    /// The seed every draw derives from.
    public let seed: UInt64
    /// The year of every accident (`Num_Acc` = year·10^8 + n).
    public let year: Int
    private let generator: SyntheticGenerator

    /// The first `id_vehicule` of a year; vehicles are numbered consecutively in row order.
    public static let firstVehicleID: Int64 = 100_001
    /// The first `id_usager` (2022+), numbered like vehicles.
    public static let firstUserID: Int64 = 1_000_001

    /// A generator for `year` (2005 or later).
    public init(seed: UInt64, year: Int = 2021) {
        precondition((2005...9999).contains(year), "synthetic years start in 2005, got \(year)")
        self.seed = seed
        self.year = year
        generator = SyntheticGenerator(seed: seed, year: year)
    }

    /// The first `count` accidents of this seed and year, with their places, vehicles and users.
    public func tables(count: Int) -> BAACTables {
        var all = BAACTables()
        for chunk in chunks(count: count, chunkSize: max(count, 1)) { all.append(contentsOf: chunk) }
        return all
    }

    /// The first `count` accidents in chunks of `chunkSize` accidents, generated lazily (each
    /// chunk in parallel slices), so a year of any size is streamed with bounded memory.
    public func chunks(count: Int, chunkSize: Int = 100_000) -> Chunks {
        precondition(count >= 0 && count < 100_000_000, "count must be in 0..<10^8 (Num_Acc has 8 digits)")
        precondition(chunkSize > 0, "chunkSize must be positive")
        return Chunks(source: self, count: count, chunkSize: chunkSize)
    }

    /// Generates `count` accidents and writes them as the four files of `year`, chunk by chunk,
    /// atomically (see `BAACWriter`). - Parameter layout: defaults to the year's official one.
    @discardableResult
    public func write(count: Int, to directory: URL, layout: BAACWriter.Layout? = nil,
                      chunkSize: Int = 100_000) throws(BAACWriteError) -> BAACYearFiles {
        let writer = try BAACWriter(directory: directory, year: year, layout: layout)
        for chunk in chunks(count: count, chunkSize: chunkSize) { try writer.append(chunk) }
        return try writer.commit()
    }

    /// The lazily generated chunks of `chunks(count:chunkSize:)`.
    public struct Chunks: Sequence, Sendable {
        let source: SyntheticBAAC
        let count: Int
        let chunkSize: Int

        /// Starts at accident 0.
        public func makeIterator() -> Iterator {
            Iterator(source: source, count: count, chunkSize: chunkSize)
        }

        /// Generates one chunk per `next()`.
        public struct Iterator: IteratorProtocol {
            let source: SyntheticBAAC
            let count: Int
            let chunkSize: Int
            var nextAccident = 0
            var vehiclesSoFar: Int64 = 0
            var usersSoFar: Int64 = 0

            /// The next chunk, or nil after the last accident.
            public mutating func next() -> BAACTables? {
                guard nextAccident < count else { return nil }
                let range = nextAccident..<Swift.min(count, nextAccident + chunkSize)
                let chunk = source.generate(range, vehiclesBefore: vehiclesSoFar, usersBefore: usersSoFar)
                nextAccident = range.upperBound
                vehiclesSoFar += Int64(chunk.vehicles.count)
                usersSoFar += Int64(chunk.users.count)
                return chunk
            }
        }
    }

    /// Accidents `range`, generated in parallel slices then joined in order, with ids continuing
    /// after `vehiclesBefore` vehicles and `usersBefore` users.
    func generate(_ range: Range<Int>, vehiclesBefore: Int64, usersBefore: Int64) -> BAACTables {
        let sliceSize = 4096
        let sliceCount = (range.count + sliceSize - 1) / sliceSize
        var slices = [BAACTables](repeating: BAACTables(), count: sliceCount)
        slices.withUnsafeMutableBufferPointer { out in
            ParallelWork.each(sliceCount) { s in
                let lower = range.lowerBound + s * sliceSize
                let upper = min(range.upperBound, lower + sliceSize)
                var t = BAACTables()
                t.accidents.reserveCapacity(upper - lower)
                t.places.reserveCapacity(upper - lower)
                t.vehicles.reserveCapacity(2 * (upper - lower))
                t.users.reserveCapacity(3 * (upper - lower))
                for index in lower..<upper { generator.generate(index: index, into: &t) }
                out[s] = t
            }
        }
        var chunk = BAACTables()
        chunk.accidents.reserveCapacity(range.count)
        chunk.places.reserveCapacity(range.count)
        chunk.vehicles.reserveCapacity(slices.reduce(0) { $0 + $1.vehicles.count })
        chunk.users.reserveCapacity(slices.reduce(0) { $0 + $1.users.count })
        var vehicleOffset = vehiclesBefore, userOffset = usersBefore
        for var slice in slices {
            adaptToYear(&slice, vehicleOffset: vehicleOffset, userOffset: userOffset)
            vehicleOffset += Int64(slice.vehicles.count)
            userOffset += Int64(slice.users.count)
            chunk.append(contentsOf: slice)
        }
        return chunk
    }

    /// Turns slice-local row numbers into the year's ids and blanks what the year's files lack.
    private func adaptToYear(_ t: inout BAACTables, vehicleOffset: Int64, userOffset: Int64) {
        let hasVehicleIDs = year >= 2019, hasUserIDs = year >= 2022
        let vehicleBase = Self.firstVehicleID + vehicleOffset, userBase = Self.firstUserID + userOffset
        for i in t.vehicles.indices {
            t.vehicles[i].vehicleID = hasVehicleIDs ? vehicleBase + t.vehicles[i].vehicleID : -1
            if !hasVehicleIDs { t.vehicles[i].motor = -1 }
        }
        for i in t.users.indices {
            t.users[i].vehicleID = hasVehicleIDs ? vehicleBase + t.users[i].vehicleID : -1
            t.users[i].userID = hasUserIDs ? userBase + t.users[i].userID : -1
            if !hasVehicleIDs { t.users[i].secu2 = -1; t.users[i].secu3 = -1 }
        }
        if !hasVehicleIDs {
            for i in t.places.indices { t.places[i].vma = -1 }
            for i in t.accidents.indices {
                t.accidents[i].latitude = (t.accidents[i].latitude * 1e5).rounded() / 1e5
                t.accidents[i].longitude = (t.accidents[i].longitude * 1e5).rounded() / 1e5
            }
        }
    }
}
