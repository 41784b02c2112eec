import ResourceNames
import TemplateSyntax
import YAML

extension StackSourceBuilder {
  mutating func readResources(_ entries: [Expression.ObjectEntry]) throws {
    for entry in entries {
      if IntrinsicFunction.isForEachKey(entry.key) {
        try readLoop(entry, in: .resources, title: "Resources")
        continue
      }
      let path = ExpressionPath.key(TemplateSection.resources.key).appending(key: entry.key)
      guard case .object(let fields, _) = entry.value else {
        throw ImportError("a resource must be a mapping with a Type", at: path)
      }
      try Self.refuseUnknownKeys(fields, of: ResourceKey.self, notBeing: "an attribute of a resource", at: path)
      guard let type = entry.value[ResourceKey.type.rawValue]?.stringValue else {
        throw ImportError("a resource's Type must be text", at: path.appending(key: ResourceKey.type.rawValue))
      }
      let names = writer.names.resources[entry.key]!
      let properties = entry.value[ResourceKey.properties.rawValue]
      let propertiesPath = path.appending(key: ResourceKey.properties.rawValue)
      beginEntry(entry.key) { planner in
        if let typeNames = names.type {
          planner.plan(properties: properties?.objectEntries ?? [], of: typeNames, at: propertiesPath)
        } else if let properties {
          planner.plan(properties, as: .json, at: propertiesPath)
        }
        for key in [ResourceKey.updatePolicy, .creationPolicy, .metadata] {
          if let value = entry.value[key.rawValue] {
            planner.plan(value, as: .json, at: path.appending(key: key.rawValue))
          }
        }
      }
      var comment = Self.commentLines(entry.comment)
      var code: String
      // A typed resource's Properties are a mapping, or absent (see `untypedReason`).
      if let typeNames = names.type {
        let typed = try typedResource(
          entry.key, typeNames, properties: properties?.objectEntries ?? [], at: propertiesPath)
        code = typed.code
        comment += typed.comment
        services.insert(typeNames.service)
      } else {
        let reason = names.untypedReason ?? "\(SwiftSource.commentText(type)) is not a generated type"
        comment.append("// Untyped: \(reason).")
        var arguments = [SwiftSource.literal(entry.key), "type: \(SwiftSource.literal(type))"]
        if let properties {
          arguments.append("properties: \(try writer.value(properties, as: .json, at: propertiesPath))")
        }
        code = "UntypedResource(\(arguments.joined(separator: ", ")))"
      }
      code += try attributes(entry.value, at: path)
      declareSplitValues(under: "Resources")
      declare(Declaration(comment: comment, code: "static let \(names.identifier) = \(code)"), under: "Resources")
      if let text = entry.comment {
        elements.append("\(names.identifier).comment(\(SwiftSource.literal(text)))")
      } else {
        elements.append(names.identifier)
      }
    }
  }

  /// `EC2.VPC("VPC", cidrBlock: …)` and the overrides for keys the type does
  /// not declare (or that must be kept as written, such as a `Fn::ForEach`).
  private mutating func typedResource(
    _ logicalID: String, _ type: ResourceTypeNames, properties: [Expression.ObjectEntry], at path: ExpressionPath
  ) throws -> (code: String, comment: [String]) {
    let declared = properties.filter { entry in type.property(entry.key) != nil }
    let undeclared = properties.filter { entry in type.property(entry.key) == nil }
    var comment: [String] = []
    guard let arguments = try writer.arguments(declared, properties: type.properties, at: path) else {
      throw ImportError("\(type.typeName) takes other properties than the name table says; regenerate it", at: path)
    }
    var code = "\(type.qualifiedName)(\(([SwiftSource.literal(logicalID)] + arguments).joined(separator: ", ")))"
    for entry in undeclared {
      if !IntrinsicFunction.isForEachKey(entry.key) {
        comment.append(
          "// \(SwiftSource.commentText(entry.key)) is not in \(type.typeName)'s schema: set through an override.")
      }
      code +=
        "\n.overriding(\(SwiftSource.literal(entry.key)), with: \(try writer.json(entry.value, at: path.appending(key: entry.key))))"
    }
    return (code, comment)
  }

  /// `.dependsOn(listener)`, `.condition(isProduction)`, `.deletionPolicy(.retain)`…
  private mutating func attributes(_ resource: Expression, at path: ExpressionPath) throws -> String {
    var code = ""
    if let condition = resource[ResourceKey.condition.rawValue] {
      guard let name = condition.stringValue else {
        throw ImportError("a resource's Condition must be a condition's name", at: path.appending(key: "Condition"))
      }
      code += "\n.condition(\(try writer.conditionName(name, at: path.appending(key: "Condition"))))"
    }
    if let dependsOn = resource[ResourceKey.dependsOn.rawValue] {
      let dependsPath = path.appending(key: ResourceKey.dependsOn.rawValue)
      let names = dependsOn.stringValue.map { [$0] } ?? dependsOn.listItems?.compactMap(\.stringValue) ?? []
      guard !names.isEmpty, names.count == (dependsOn.listItems?.count ?? 1) else {
        throw ImportError("DependsOn must be a resource's logical ID or a list of them", at: dependsPath)
      }
      let identifiers = try names.map { name -> String in
        guard let resource = writer.names.resources[name] else {
          throw ImportError(
            "DependsOn names \(name), which is no resource of the template; fix the name", at: dependsPath)
        }
        return resource.identifier
      }
      code += "\n.dependsOn(\(identifiers.joined(separator: ", ")))"
    }
    let policies: [(ResourceKey, [String: String])] = [
      (
        .deletionPolicy,
        [
          "Delete": "delete", "Retain": "retain", "RetainExceptOnCreate": "retainExceptOnCreate",
          "Snapshot": "snapshot",
        ]
      ),
      (.updateReplacePolicy, ["Delete": "delete", "Retain": "retain", "Snapshot": "snapshot"]),
    ]
    for (key, cases) in policies {
      guard let value = resource[key.rawValue] else { continue }
      guard let text = value.stringValue, let member = cases[text] else {
        throw ImportError(
          "\(key.rawValue) must be one of \(cases.keys.sorted().joined(separator: ", "))",
          at: path.appending(key: key.rawValue))
      }
      let function = key == .deletionPolicy ? "deletionPolicy" : "updateReplacePolicy"
      code += "\n.\(function)(.\(member))"
    }
    let documents: [(ResourceKey, String)] = [
      (.updatePolicy, "updatePolicy"), (.creationPolicy, "creationPolicy"), (.metadata, "metadata"),
    ]
    for (key, function) in documents {
      guard let value = resource[key.rawValue] else { continue }
      code += "\n.\(function)(\(try writer.value(value, as: .json, at: path.appending(key: key.rawValue))))"
    }
    return code
  }

  mutating func readOutputs(_ entries: [Expression.ObjectEntry]) throws {
    for entry in entries {
      if IntrinsicFunction.isForEachKey(entry.key) {
        try readLoop(entry, in: .outputs, title: "Outputs")
        continue
      }
      let path = ExpressionPath.key(TemplateSection.outputs.key).appending(key: entry.key)
      guard case .object(let fields, _) = entry.value, let value = entry.value[OutputKey.value.rawValue] else {
        throw ImportError("an output must be a mapping with a Value", at: path)
      }
      try Self.refuseUnknownKeys(fields, of: OutputKey.self, notBeing: "a property of an output", at: path)
      let valueKind = writer.naturalKind(value) ?? .string
      beginEntry(entry.key) { planner in
        planner.plan(value, as: valueKind, at: path.appending(key: OutputKey.value.rawValue))
      }
      var arguments = [
        SwiftSource.literal(entry.key),
        "value: \(try writer.typed(value, as: valueKind, at: path.appending(key: OutputKey.value.rawValue)))",
      ]
      if let description = entry.value[OutputKey.description.rawValue] {
        guard let text = description.stringValue else {
          throw ImportError("an output's Description must be text", at: path.appending(key: "Description"))
        }
        arguments.append("description: \(SwiftSource.literal(text))")
      }
      if let export = entry.value[OutputKey.export.rawValue] {
        let exportPath = path.appending(key: OutputKey.export.rawValue)
        guard let exportFields = export.objectEntries, exportFields.count == 1,
          exportFields[0].key == OutputKey.exportName
        else { throw ImportError("Export must be a mapping with only a Name", at: exportPath) }
        arguments.append(
          "exportName: \(try writer.value(exportFields[0].value, as: .string, at: exportPath.appending(key: OutputKey.exportName)))"
        )
      }
      if let condition = entry.value[OutputKey.condition.rawValue] {
        guard let name = condition.stringValue else {
          throw ImportError("an output's Condition must be a condition's name", at: path.appending(key: "Condition"))
        }
        arguments.append("condition: \(try writer.conditionName(name, at: path.appending(key: "Condition")))")
      }
      declareSplitValues(under: "Outputs")
      outputs += Self.commentLines(entry.comment)
      outputs.append("Output(\(arguments.joined(separator: ", ")))")
    }
  }
}
