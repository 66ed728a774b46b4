import Foundation

/// Checks a JSON value against the part of JSON Schema (2020-12) that `schemas/` uses: `type` (a name or a list of
/// names), `const`, `enum`, `properties`, `required`, `additionalProperties` (false or a schema) and `items`. Returns each violation with its path; an empty
/// list means the value conforms.
func schemaViolations(_ value: Any, _ schema: [String: Any], path: String = "$") -> [String] {
    var found: [String] = []
    if let expected = schema["const"] {
        if "\(expected)" != "\(value)" { found.append("\(path): expected \(expected), found \(value)") }
    }
    if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
        found.append("\(path): expected one of \(allowed), found \(value)")
    }
    if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
        guard types.contains(where: { jsonValue(value, is: $0) }) else { return found + ["\(path): expected \(types.joined(separator: " or ")), found \(value)"] }
    }
    if let object = value as? [String: Any] {
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
        for (key, member) in object {
            if let property = properties[key] {
                found += schemaViolations(member, property, path: "\(path).\(key)")
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                found += schemaViolations(member, additional, path: "\(path).\(key)")
            } else if schema["additionalProperties"] as? Bool == false {
                found.append("\(path): unexpected \(key)")
            }
        }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
        for (index, element) in array.enumerated() { found += schemaViolations(element, items, path: "\(path)[\(index)]") }
    }
    return found
}

/// Whether `value`, as JSONSerialization reads it, is of the JSON Schema type `type`.
private func jsonValue(_ value: Any, is type: String) -> Bool {
    switch type {
    case "object": return value is [String: Any]
    case "array": return value is [Any]
    case "string": return value is String
    case "null": return value is NSNull
    case "boolean": return (value as? NSNumber).map(isBoolean) ?? false
    case "integer": return (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
    case "number": return (value as? NSNumber).map { !isBoolean($0) } ?? false
    default: return false
    }
}

/// The violations of `json` (text) against `schemas/NAME`.
func schemaViolations(json: String, schema name: String) throws -> [String] {
    let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("schemas/\(name)"))) as? [String: Any] ?? [:]
    return schemaViolations(try JSONSerialization.jsonObject(with: Data(json.utf8)), schema)
}

/// JSONSerialization reads true and false as NSNumbers of Objective-C type "c" (char), numbers as other types.
private func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
