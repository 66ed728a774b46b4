import Foundation
import GEPCore
import GEPModelFiles
import GEPServices
import Testing

/// `units-file:`: a region's accounting units from a CSV table, for regions with thousands of units.
@Suite("Region units from a CSV table")
struct UnitsFileTests {
    /// The valid test region of `ModelFixtures.swift` with its `units:` list replaced by `units-file:`.
    static let regionWithTable = validRegion.components(separatedBy: "units:\n")[0]
        + "units-file: {path: units.csv, source: test, status: published, year: 2022}\n"

    func load(_ csv: String, region: String = regionWithTable) throws -> RegionModel {
        let folder = try ModelFolder()
        defer { folder.remove() }
        try csv.write(to: folder.url.appendingPathComponent("regions/units.csv"), atomically: true, encoding: .utf8)
        return try RegionModelFile.read(try folder.region(region), registry: registry)
    }

    func error(_ csv: String, region: String = regionWithTable) -> String {
        let error = #expect(throws: ModelFileError.self) { try load(csv, region: region) }
        return error.map(String.init(describing:)) ?? ""
    }

    /// Genhe's six towns written as a table (id, name, local name, total area split by the region's shares) give the
    /// same account, to the last bit, as the bundled YAML list.
    @Test func genheFromATableMatchesTheYAMLList() throws {
        let yamlPath = ModelFolder.packageRoot.appendingPathComponent("models/regions/genhe.yaml").path
        let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
        let fromList = try RegionModelFile.read(yamlPath, registry: registry)
        let parts = yaml.components(separatedBy: "\nunits:\n")
        try #require(parts.count == 2)
        let rest = try #require(parts[1].range(of: "\n\n# Other years"))
        let region = parts[0] + "\nunits-file: {path: genhe-units.csv, source: genhe-plan, status: published}\n" + parts[1][rest.lowerBound...]
        let rows = fromList.region.units.map { unit in
            "\(unit.id),\"\(unit.name)\",\(unit.localName ?? ""),\(unit.totalArea.value(in: .squareKilometre))"
        }
        let folder = try ModelFolder()
        defer { folder.remove() }
        try (["id,name,local-name,area [km²]"] + rows).joined(separator: "\r\n")
            .write(to: folder.url.appendingPathComponent("regions/genhe-units.csv"), atomically: true, encoding: .utf8)
        let fromTable = try RegionModelFile.read(try folder.region(region, name: "genhe.yaml"), registry: registry)
        let a = try fromList.run(with: registry).account, b = try fromTable.run(with: registry).account
        #expect(a.units == b.units && a.lines == b.lines && a.prices == b.prices)
        #expect(a.physical == b.physical && a.gepByUnit == b.gepByUnit)
    }

    /// Two units: by-type areas in ha and a per-unit precipitation that overrides the region's 500 mm for unit b
    /// (runoff 5 %, ET 300 mm). a: 1000 ha = 10⁷ m² × (500 − 25 − 300) mm = 1.75·10⁶ m³; b: 200 ha = 2·10⁶ m² ×
    /// (600 − 30 − 300) mm = 5.4·10⁵ m³.
    @Test func perUnitInputsOverrideTheRegion() throws {
        let model = try load("""
            id,name,area:deciduous-needleleaf-forest [ha],precipitation [mm]
            a,A,1000,
            b,"B, with a comma",200,600
            """)
        #expect(model.region.units.map(\.name) == ["A", "B, with a comma"])
        let account = try model.run(with: registry).account
        #expect(abs(account.physical[0, 0] - 1.75e6) < 1e-6)
        #expect(abs(account.physical[1, 0] - 5.4e5) < 1e-6)
        #expect(model.inputs(for: model.region.units[1])["precipitation"]?.provenance.source == "test")
    }

    /// Quoted fields hold commas, doubled quotes and line breaks; a byte-order mark and CRLF line ends are read.
    @Test func quotedFieldsAndLineEnds() throws {
        let model = try load("\u{FEFF}id,name,local-name,area:meadow [km²]\r\nx,\"say \"\"hi\"\"\",\"two\nlines\",1\r\n\r\n")
        #expect(model.region.units[0].name == "say \"hi\"")
        #expect(model.region.units[0].localName == "two\nlines")
    }

    @Test func badCellsAreNamedWithLineAndColumn() {
        let header = "id,name,area:meadow [km²]\n"
        #expect(error(header + "a,A,1\nb,B,lots\n").hasSuffix("units.csv:3:3: area:meadow [km²]: \"lots\" is not a finite number"))
        #expect(error(header + "a,A,-1\n").hasSuffix("units.csv:2:3: area:meadow [km²]: -1 is negative; expected a value ≥ 0"))
        #expect(error(header + "a,A,1\na,B,2\n").contains("units.csv:3:1: id: unit id \"a\" appears twice"))
        #expect(error(header + "a,A\n").contains("units.csv:2: the row has 2 fields; expected 3"))
        #expect(error(header + "a,\"A,1\n").contains("units.csv:2:2: a quoted field is never closed"))
        #expect(error(header + "a,A\"x\",1\n").contains("a quote inside an unquoted field"))
        #expect(error(header + ",A,1\n").contains("units.csv:2:1: id: the unit has no id"))
        #expect(error(header + "a,A,nan\n").contains("\"nan\" is not a finite number"))
    }

    /// Rows are read in pieces on several cores; the error reported is still the first in file order, whichever
    /// piece holds it and whether it is a bad cell or a repeated id (found when the pieces are joined).
    @Test func theFirstErrorInFileOrderIsReported() {
        let header = "id,name,area:meadow [km²]\n"
        func table(_ change: (Int) -> String?) -> String {
            header + (0..<5000).map { change($0) ?? "u\($0),U,1" }.joined(separator: "\n") + "\n"
        }
        // A repeated id early (line 12) and a bad cell late (line 4002): the repeated id.
        #expect(error(table { $0 == 10 ? "u3,U,1" : $0 == 4000 ? "u4000,U,x" : nil }).contains("units.csv:12:1: id: unit id \"u3\" appears twice"))
        // A bad cell early and a repeated id late: the bad cell.
        #expect(error(table { $0 == 10 ? "u10,U,x" : $0 == 4000 ? "u3,U,1" : nil }).hasSuffix("units.csv:12:3: area:meadow [km²]: \"x\" is not a finite number"))
        // Two bad cells in the second half: the earlier.
        #expect(error(table { $0 == 4000 ? "u4000,U,-1" : $0 == 4500 ? "u4500,U,y" : nil }).contains("units.csv:4002:3"))
    }

    @Test func badHeadersAreRefused() {
        #expect(error("id,name,area:meadow [mm]\na,A,1\n").contains("units.csv:1:3: area:meadow [mm]: unit \"mm\" measures length, but area was expected"))
        #expect(error("id,name,area:moor [km²]\na,A,1\n").contains("unknown ecosystem type"))
        #expect(error("id,name,area:meadow [km²],rainfall [mm]\na,A,1,2\n").contains("no chosen service reads an input named \"rainfall\""))
        #expect(error("id,name,area:meadow [km²],precipitation [t]\na,A,1,2\n").contains("unit \"t\" measures mass, but length was expected"))
        #expect(error("id,name,area [km²]\na,A,1\n").contains("a total `area` column needs `ecosystem-shares:`"))
        #expect(error("id,name,area [km²],area:meadow [km²]\na,A,1,1\n").contains("expected either one `area [unit]` column"))
        #expect(error("id,area:meadow [km²]\na,1\n").contains("no `name` column"))
        #expect(error("id,name,name,area:meadow [km²]\na,A,B,1\n").contains("units.csv:1:3: name: the column name is repeated"))
        #expect(error("id,name,area:meadow [km²]\n").contains("the table has no rows"))
        #expect(error("").contains("the file is empty"))
    }

    @Test func unitsAndUnitsFileTogetherAreRefused() {
        let both = validRegion + "units-file: {path: units.csv, source: test, status: published}\n"
        #expect(error("id,name,area:meadow [km²]\na,A,1\n", region: both).contains("give the units as `units:` or as `units-file:`, not both"))
        #expect(error("", region: validRegion.components(separatedBy: "units:\n")[0]).contains("missing `units:` (a list) or `units-file:`"))
    }
}
