import Foundation

/// The starting point `gep init NAME` writes: a region model and its price book, commented field by field, that
/// validate and run as they are (with example values marked `assumed`, to be replaced).
public enum RegionTemplate {
    /// Region ids: lower-case letters and digits, joined by single hyphens.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// Writes `<id>.yaml` and `prices.yaml` into `folder` (created), refusing to replace either; the model's path.
    ///
    /// - Throws: ``ModelFileError`` for an id that is not one, a file that exists, or a folder that cannot be written.
    public static func write(id: String, into folder: String) throws -> String {
        guard isValidID(id) else {
            throw ModelFileError(file: id, line: nil, column: nil, field: "NAME",
                                 message: "\"\(id)\" is not a region id; expected lower-case letters and digits joined by hyphens, such as genhe or arun-qi")
        }
        let files = [("\(id).yaml", modelText(id: id)), ("prices.yaml", pricesText)]
        let paths = files.map { ((folder as NSString).appendingPathComponent($0.0), $0.1) }
        if let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0.0) }) {
            throw ModelFileError(file: existing.0, line: nil, column: nil, field: "", message: "exists already; gep init writes new files only")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (path, text) in paths { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        } catch {
            throw ModelFileError(file: folder, line: nil, column: nil, field: "", message: "cannot write the template: \(error.localizedDescription)")
        }
        return paths[0].0
    }

    static func modelText(id: String) -> String {
        """
        # \(id): a GEPKit region model written by `gep init`. Each field is explained where it stands. The values are
        # examples, marked `status: assumed`: replace them with the region's, each with its source. Check the file with
        # `gep validate \(id).yaml`, compute the account with `gep account \(id).yaml`; the full reference is
        # models/README.md in GEPKit's sources.

        # Every document a value comes from, by a short name that `source:` fields cite. Give title, issuer or
        # authors, year, and the section, table or line.
        sources:
          template: "gep init: example values to be replaced, not data about any place"
          garze: "白玛卓嘎, 肖燚, 欧阳志云, 王莉雁 2017. 甘孜藏族自治州生态系统生产总值核算研究. 生态学报 37(19): 6302–6312, Table 3"

        # The region: an id (lower-case letters, digits, hyphens), its name, and its name in Chinese if it has one
        # (local-name: 某某县).
        region: {id: \(id), name: \(id)}

        # The year the inputs describe. Prices are restated to it (add `report-year:` for another price year, and
        # `deflator:` naming a deflator file when the book's prices are of other years).
        year: 2022

        # The price book, relative to this file: the price of every key the chosen services value with.
        prices: prices.yaml

        # The services to run, by id (`gep services list`); a service with several methods takes `method:`.
        # `gep services show water-conservation` lists what each method reads.
        services:
          - id: water-conservation

        # Inputs for every unit, each read by a chosen service: a value with its unit, the source it comes from, its
        # status (measured, published or assumed) and, for an assumed one, a note saying why. An input may instead be
        # given per ecosystem type: {by-ecosystem-type: {meadow: 380, marsh: 500}, unit: mm, source: ..., status: ...}.
        inputs:
          precipitation: {value: 450, unit: mm, source: template, status: assumed, note: "an example; give the region's annual precipitation"}
          evapotranspiration: {value: 380, unit: mm, source: template, status: assumed, note: "an example; give the annual actual evapotranspiration"}
          runoff-coefficient: {value: 5, unit: "%", source: template, status: assumed, note: "an example; the guideline's storm-runoff coefficient per ecosystem type belongs here"}

        # The accounting units (towns, forest farms, grid cells): an id, a name, and their areas by ecosystem type
        # (`area:` with `ecosystem-shares:` instead splits one total). A unit may override inputs under `inputs:`.
        units:
          - id: unit-1
            name: First unit
            areas: {by-ecosystem-type: {deciduous-needleleaf-forest: 800, meadow: 200}, unit: km², source: template, status: assumed,
                    note: "an example; give the unit's land-survey areas"}

        """
    }

    static let pricesText = """
        # The price book of the model beside it, written by `gep init`: one price per key, each with its money unit and
        # the unit priced, its price year, source and status. Accounts restate prices to the report year, so prices of
        # other years need a deflator (models/prices/china-cpi.yaml in GEPKit's sources).
        name: prices for a new region (gep init)

        sources:
          garze: "白玛卓嘎, 肖燚, 欧阳志云, 王莉雁 2017. 甘孜藏族自治州生态系统生产总值核算研究. 生态学报 37(19): 6302–6312, Table 3 (7.06 元/m³ at 2010 prices)"

        prices:
          # Water conservation: the cost of building a cubic metre of reservoir storage.
          reservoir-construction-cost: {value: 9.305, unit: 元/m³, year: 2022, source: garze, status: published,
                                        note: "7.06 元/m³ (2010) restated to 2022 with China's CPI (× 1.318)"}

        """
}
