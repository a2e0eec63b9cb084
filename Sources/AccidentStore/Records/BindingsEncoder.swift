import AccidentML
import PostgresNIO

/// Appends rows as typed binary binds of a multi-row `INSERT … VALUES ($1, …), (…)`: the plain
/// ingest path, beside the COPY one.
struct BindingsEncoder: StoreRowEncoder {
    /// The binds so far, row after row.
    var bindings = PostgresBindings()

    mutating func int16(_ value: Int16?) { bindings.append(value) }
    mutating func int32(_ value: Int32?) { bindings.append(value) }
    mutating func int64(_ value: Int64?) { bindings.append(value) }
    mutating func float(_ value: Float?) { bindings.append(value) }
    mutating func double(_ value: Double?) { bindings.append(value) }
    mutating func text(_ value: VehicleNumber?) { bindings.append(value?.description) }
    mutating func endRow() {}
}
