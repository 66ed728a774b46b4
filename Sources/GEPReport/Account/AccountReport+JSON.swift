extension AccountReport {
    /// The report as JSON (schema `gepkit.account/1`): keys sorted, pretty-printed, so that output is stable and
    /// diffs are readable. Decoding it with `JSONDecoder` gives back an equal ``AccountReport``.
    ///
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, as `JSONEncoder` would.
    ///
    /// Written field by field with ``JSONText`` in the layout `JSONEncoder` gives (`.prettyPrinted`, `.sortedKeys`,
    /// `.withoutEscapingSlashes`; a test holds the two to the same bytes): at 10⁵ units the encoder's tree and copies
    /// were a quarter of the run and most of its memory. Keys below are in sorted order.
    func renderJSON() throws -> String {
        // Generous, so the text is never copied to grow: untouched reserved pages cost no memory.
        var json = JSONText(reservingCapacity: 4_000 + 800 * units.count + 600 * provenance.count + 350 * warnings.count)
        json.beginObject()
        json.key("byCategoryYuan")
        json.numbers(byCategoryYuan)
        if let deflator { json.key("deflator"); json.string(deflator) }
        if let gepPerCapitaYuan { json.key("gepPerCapitaYuan"); json.number(gepPerCapitaYuan) }
        if let gepPerSquareKilometreYuan { json.key("gepPerSquareKilometreYuan"); json.number(gepPerSquareKilometreYuan) }
        if let gepToGDP { json.key("gepToGDP"); json.number(gepToGDP) }
        json.key("gepYuan"); json.number(gepYuan)
        if let maps {
            json.key("maps")
            json.array(maps) { json, map in
                json.beginObject()
                json.key("height"); json.integer(map.height)
                json.key("service"); json.string(map.service)
                json.key("unit"); json.string(map.unit)
                json.key("values")
                json.array(map.values) { json, value in
                    if let value { json.number(value) } else { json.null() }
                }
                json.key("width"); json.integer(map.width)
                json.endObject()
            }
        }
        json.key("priceBook"); json.string(priceBook)
        json.key("provenance")
        json.parallelArray(provenance) { json, row in
            json.beginObject()
            json.key("item"); json.string(row.item)
            if let note = row.note { json.key("note"); json.string(note) }
            if let scope = row.scope { json.key("scope"); json.string(scope) }
            json.key("source"); json.string(row.source)
            json.key("status"); json.string(row.status)
            json.key("value"); json.string(row.value)
            if let year = row.year { json.key("year"); json.integer(year) }
            json.endObject()
        }
        json.key("region")
        json.beginObject()
        json.key("areaSquareKilometres"); json.number(region.areaSquareKilometres)
        json.key("id"); json.string(region.id)
        if let localName = region.localName { json.key("localName"); json.string(localName) }
        json.key("name"); json.string(region.name)
        json.endObject()
        json.key("reportYear"); json.integer(reportYear)
        json.key("schema"); json.string(schema)
        json.key("services")
        json.array(services) { json, service in
            json.beginObject()
            json.key("category"); json.string(service.category)
            json.key("id"); json.string(service.id)
            json.key("includedInTotal"); json.bool(service.includedInTotal)
            json.key("lines")
            json.array(service.lines) { json, line in
                json.beginObject()
                json.key("id"); json.string(line.id)
                json.key("label"); json.string(line.label)
                json.key("priceKey"); json.string(line.priceKey)
                json.key("priceYuan"); json.number(line.priceYuan)
                json.key("quantity"); json.number(line.quantity)
                json.key("unit"); json.string(line.unit)
                json.key("valueYuan"); json.number(line.valueYuan)
                json.endObject()
            }
            json.key("localName"); json.string(service.localName)
            json.key("method"); json.string(service.method)
            json.key("name"); json.string(service.name)
            json.key("physicalAmount"); json.number(service.physicalAmount)
            json.key("physicalUnit"); json.string(service.physicalUnit)
            json.key("valueYuan"); json.number(service.valueYuan)
            json.endObject()
        }
        json.key("servicesNotRun")
        json.array(servicesNotRun) { json, omitted in
            json.beginObject()
            json.key("id"); json.string(omitted.id)
            json.key("localName"); json.string(omitted.localName)
            json.key("name"); json.string(omitted.name)
            json.key("reason"); json.string(omitted.reason)
            json.endObject()
        }
        json.key("units")
        json.parallelArray(units) { json, unit in
            json.beginObject()
            json.key("areaSquareKilometres"); json.number(unit.areaSquareKilometres)
            json.key("gepYuan"); json.number(unit.gepYuan)
            json.key("id"); json.string(unit.id)
            if let localName = unit.localName { json.key("localName"); json.string(localName) }
            json.key("name"); json.string(unit.name)
            json.key("physicalAmounts"); json.numbers(unit.amountServices, unit.amounts)
            json.key("serviceValuesYuan"); json.numbers(unit.valueServices, unit.values)
            json.endObject()
        }
        json.key("warnings")
        json.parallelArray(warnings) { json, warning in
            json.beginObject()
            json.key("message"); json.string(warning.message)
            json.key("service"); json.string(warning.service)
            json.key("unit"); json.string(warning.unit)
            json.endObject()
        }
        json.key("year"); json.integer(year)
        json.endObject()
        return try json.finished()
    }
}

extension JSONText {
    /// An array with one element per item, each written by `body`.
    mutating func array<T>(_ items: [T], _ body: (inout JSONText, T) -> Void) {
        beginArray()
        for item in items {
            element()
            body(&self, item)
        }
        endArray()
    }

    /// An object of numbers given as keys and values in step, keys sorted (the first of a repeated key kept, as a
    /// unit row's dictionaries keep it).
    mutating func numbers(_ keys: [String], _ values: [Double]) {
        let order = keys.indices.filter { !keys[..<$0].contains(keys[$0]) }.sorted { keys[$0] < keys[$1] }
        beginObject()
        for index in order {
            key(keys[index])
            number(values[index])
        }
        endObject()
    }

    /// An object of numbers, keys sorted.
    mutating func numbers(_ values: [String: Double]) {
        beginObject()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            key(name)
            number(value)
        }
        endObject()
    }
}
