/// The AccidentML library version, recorded in every model file it writes.
public let accidentMLVersion = "0.1.0"
