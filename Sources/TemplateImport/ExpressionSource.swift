import TemplateSyntax
import YAML

/// Writes an expression as the Swift that builds it (`Expression.transform(…)`):
/// the importer's way to keep, exactly, what the typed API has no member for,
/// such as a `Fn::Transform` or a `Fn::ForEach` inside a resource's properties.
enum ExpressionSource {
  /// `Expression.…` with its type named, for any context.
  static func write(_ expression: Expression, at path: ExpressionPath) throws -> String {
    "Expression" + (try nested(expression, at: path))
  }

  /// `Expression.scalar(…)` of a scalar.
  static func scalar(_ scalar: YAMLScalar) -> String {
    "Expression" + scalarCase(scalar)
  }

  private static func scalarCase(_ scalar: YAMLScalar) -> String {
    switch scalar.value {
    case .string(let text): ".string(\(SwiftSource.literal(text)))"
    case .integer(let number): ".integer(\(number))"
    case .float(let number):
      ".float(\(number.isFinite ? YAMLScalar.float(number).text : number.isNaN ? "Double.nan" : number < 0 ? "-Double.infinity" : "Double.infinity"))"
    case .boolean(let flag): ".boolean(\(flag))"
    case .null: ".null"
    }
  }

  /// The case with a leading dot, for a context that expects an expression.
  private static func nested(_ expression: Expression, at path: ExpressionPath) throws -> String {
    func write(_ child: Expression) throws -> String { try nested(child, at: path) }
    func entries(_ entries: [Expression.ObjectEntry]) throws -> String {
      "["
        + (try entries.map { ".init(\(SwiftSource.literal($0.key)), \(try write($0.value)))" })
        .joined(separator: ", ") + "]"
    }
    func text(_ value: String) -> String { SwiftSource.literal(value) }
    switch expression {
    case .scalar(let scalar):
      guard scalar.tag == nil else {
        throw ImportError(
          "the tag \(scalar.tag!) is not CloudFormation syntax; write the value without it", at: path)
      }
      return scalarCase(scalar)
    case .list(let items): return ".list([\(try items.map(write).joined(separator: ", "))])"
    case .object(let objectEntries, let ordering):
      return
        ".object(\(try entries(objectEntries)), ordering: .\(ordering == .sortedKeys ? "sortedKeys" : "asWritten"))"
    case .ref(let name): return ".ref(\(text(name)))"
    case .getAtt(let resource, let attribute):
      return ".getAtt(resource: \(text(resource)), attribute: \(text(attribute)))"
    case .computedRef(let name): return ".computedRef(\(try write(name)))"
    case .computedGetAtt(let resource, let attribute):
      return ".computedGetAtt(resource: \(try write(resource)), attribute: \(try write(attribute)))"
    case .sub(let value, let variables): return ".sub(\(text(value)), variables: \(try entries(variables)))"
    case .join(let delimiter, let list): return ".join(delimiter: \(text(delimiter)), \(try write(list)))"
    case .select(let index, let list): return ".select(index: \(try write(index)), \(try write(list)))"
    case .split(let delimiter, let source): return ".split(delimiter: \(text(delimiter)), \(try write(source)))"
    case .getAZs(let region): return ".getAZs(\(try write(region)))"
    case .if(let condition, let whenTrue, let whenFalse):
      return ".if(condition: \(text(condition)), \(try write(whenTrue)), \(try write(whenFalse)))"
    case .equals(let left, let right): return ".equals(\(try write(left)), \(try write(right)))"
    case .and(let items): return ".and([\(try items.map(write).joined(separator: ", "))])"
    case .or(let items): return ".or([\(try items.map(write).joined(separator: ", "))])"
    case .not(let item): return ".not(\(try write(item)))"
    case .condition(let name): return ".condition(\(text(name)))"
    case .findInMap(let mapping, let top, let second, let defaultValue):
      let last = try defaultValue.map { ", defaultValue: \(try write($0))" } ?? ""
      return ".findInMap(mapping: \(text(mapping)), \(try write(top)), \(try write(second))\(last))"
    case .importValue(let name): return ".importValue(\(try write(name)))"
    case .base64(let value): return ".base64(\(try write(value)))"
    case .cidr(let block, let count, let bits):
      return ".cidr(\(try write(block)), count: \(try write(count)), cidrBits: \(try write(bits)))"
    case .length(let list): return ".length(\(try write(list)))"
    case .toJsonString(let value): return ".toJsonString(\(try write(value)))"
    case .transform(let name, let parameters):
      return ".transform(name: \(text(name)), parameters: \(try entries(parameters)))"
    case .forEach(let identifier, let collection, let outputs):
      return
        ".forEach(identifier: \(text(identifier)), collection: \(try write(collection)), outputs: \(try entries(outputs)))"
    case .contains(let list, let value): return ".contains(\(try write(list)), \(try write(value)))"
    case .eachMemberEquals(let list, let value): return ".eachMemberEquals(\(try write(list)), \(try write(value)))"
    case .eachMemberIn(let list, let allowed): return ".eachMemberIn(\(try write(list)), \(try write(allowed)))"
    case .refAll(let type): return ".refAll(\(text(type)))"
    case .valueOf(let parameter, let attribute):
      return ".valueOf(parameter: \(text(parameter)), attribute: \(text(attribute)))"
    case .valueOfAll(let type, let attribute):
      return ".valueOfAll(parameterType: \(text(type)), attribute: \(text(attribute)))"
    }
  }
}
