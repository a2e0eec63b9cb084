import Foundation

/// The equirectangular projection of the report's maps: x ∝ longitude · cos(46.5°), y ∝ −latitude
/// (true shapes at metropolitan France's mid-latitude), scaled uniformly and centred in a rectangle.
struct MapProjection {
    /// The latitude at which a degree of longitude and of latitude have their true length ratio.
    static let referenceLatitude = 46.5
    /// cos(referenceLatitude): the width of a degree of longitude in degrees of latitude.
    static let longitudeFactor = cos(referenceLatitude * .pi / 180)

    /// Pixels per degree of latitude.
    let scale: Double
    /// Pixel position of (maxLatitude, minLongitude), the top-left corner of the bounds.
    let originX: Double, originY: Double
    let minLongitude: Double, maxLatitude: Double

    /// The largest projection of `latitudes` × `longitudes` that fits in the rectangle, centred.
    init(latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>,
         x: Double, y: Double, width: Double, height: Double) {
        let spanX = (longitudes.upperBound - longitudes.lowerBound) * Self.longitudeFactor
        let spanY = latitudes.upperBound - latitudes.lowerBound
        precondition(spanX > 0 && spanY > 0, "empty map bounds")
        scale = min(width / spanX, height / spanY)
        originX = x + (width - spanX * scale) / 2
        originY = y + (height - spanY * scale) / 2
        minLongitude = longitudes.lowerBound
        maxLatitude = latitudes.upperBound
    }

    /// The pixel position of a coordinate in degrees.
    func point(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        (originX + (longitude - minLongitude) * Self.longitudeFactor * scale, originY + (maxLatitude - latitude) * scale)
    }

    /// Metropolitan France with Corsica, a little margin included.
    static let metropolitanLatitudes = 41.2...51.2
    static let metropolitanLongitudes = -5.3...9.7
}
