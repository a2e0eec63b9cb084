import Foundation
import Testing
@testable import AccidentML

@Suite struct MapProjectionTests {
    static let projection = MapProjection(latitudes: 41...51, longitudes: -5...10, x: 20, y: 30, width: 500, height: 470)

    @Test func equirectangularWithCosineScaling() {
        let p = Self.projection
        let origin = p.point(latitude: 46, longitude: 2)
        let east = p.point(latitude: 46, longitude: 3), north = p.point(latitude: 47, longitude: 2)
        #expect(abs(north.x - origin.x) < 1e-9 && abs(east.y - origin.y) < 1e-9)
        #expect(abs((origin.y - north.y) - p.scale) < 1e-9, "north is up, one degree of latitude is `scale` pixels")
        #expect(abs((east.x - origin.x) / (origin.y - north.y) - cos(46.5 * Double.pi / 180)) < 1e-12)
    }

    @Test func boundsFitTheRectangleCentred() {
        // 15° of longitude · cos 46.5° = 10.33 units wide, 10 high: width-bound at 500 / 10.33 px per degree.
        let p = Self.projection
        let width = 15 * MapProjection.longitudeFactor
        #expect(abs(p.scale - min(500 / width, 470 / 10)) < 1e-9)
        let topLeft = p.point(latitude: 51, longitude: -5), bottomRight = p.point(latitude: 41, longitude: 10)
        #expect(abs((topLeft.x - 20) - (520 - bottomRight.x)) < 1e-9, "centred horizontally")
        #expect(abs((topLeft.y - 30) - (500 - bottomRight.y)) < 1e-9, "centred vertically")
        #expect(topLeft.x >= 20 - 1e-9 && bottomRight.x <= 520 + 1e-9 && topLeft.y >= 30 - 1e-9 && bottomRight.y <= 500 + 1e-9)
    }

    @Test func knownPlacesLandWhereExpected() throws {
        let p = Self.projection
        let centre = { (code: Int16) in try #require(DepartementGeography.centres[code]) }
        let paris = try centre(75), marseille = try centre(13), brest = try centre(29), strasbourg = try centre(67)
        let pp = p.point(latitude: paris.latitude, longitude: paris.longitude)
        #expect(pp.y < p.point(latitude: marseille.latitude, longitude: marseille.longitude).y, "Paris is north of Marseille")
        #expect(pp.x > p.point(latitude: brest.latitude, longitude: brest.longitude).x, "and east of Brest")
        #expect(pp.x < p.point(latitude: strasbourg.latitude, longitude: strasbourg.longitude).x, "and west of Strasbourg")
        // Every metropolitan centre and the outline fall inside the national map's bounds.
        for d in FrenchDepartement.all where DepartementGeography.isMetropolitan(d.code) {
            #expect(MapProjection.metropolitanLatitudes.contains(d.latitude) && MapProjection.metropolitanLongitudes.contains(d.longitude))
        }
        for (lat, lon) in FranceOutline.mainland + FranceOutline.corsica {
            #expect(MapProjection.metropolitanLatitudes.contains(lat) && MapProjection.metropolitanLongitudes.contains(lon))
        }
        #expect(ParisZoom.codes.allSatisfy { code in
            DepartementGeography.centres[code].map { ParisZoom.latitudes.contains($0.latitude) && ParisZoom.longitudes.contains($0.longitude) } ?? false
        })
    }

    @Test func departementCodesAsPeopleWriteThem() {
        #expect(DepartementGeography.displayCode(1) == "01")
        #expect(DepartementGeography.displayCode(201) == "2A" && DepartementGeography.displayCode(202) == "2B")
        #expect(DepartementGeography.displayCode(75) == "75" && DepartementGeography.displayCode(974) == "974")
        #expect(DepartementGeography.overseasName(974) == "La Réunion")
        #expect(!DepartementGeography.isMetropolitan(971) && DepartementGeography.isMetropolitan(202))
        // All 96 metropolitan départements have a position.
        #expect(FrenchDepartement.all.filter { DepartementGeography.isMetropolitan($0.code) }.count == 96)
    }
}
