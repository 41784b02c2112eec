import ResourceCodegen
import Testing

/// A property's kind is a value: spelled by `rendered` only, rewritten whole.
@Suite("Swift types")
struct SwiftTypeTests {
  @Test("primitives spell the model's kinds")
  func primitives() {
    #expect(SwiftType.string.rendered == "String")
    #expect(SwiftType.number.rendered == "Number")
    #expect(SwiftType.boolean.rendered == "Bool")
    #expect(SwiftType.json.rendered == "JSON")
  }

  @Test("lists and maps nest at any depth")
  func nesting() {
    #expect(SwiftType.list(.string).rendered == "[String]")
    #expect(SwiftType.map(.number).rendered == "[String: Number]")
    #expect(SwiftType.list(.map(.list(.boolean))).rendered == "[[String: [Bool]]]")
    #expect(SwiftType.map(.list(.json)).rendered == "[String: [JSON]]")
  }

  @Test("a nested kind is qualified by its resource type, a shared kind by its service only")
  func nestedAndShared() {
    let nested = SwiftType.nested(namespace: "Demo", resource: "Thing", name: "SchemeValue")
    let shared = SwiftType.shared(namespace: "EC2", name: "InstanceTypeValue")
    #expect(nested.rendered == "Demo.Thing.SchemeValue")
    #expect(shared.rendered == "EC2.InstanceTypeValue")
    #expect(SwiftType.map(.list(nested)).rendered == "[String: [Demo.Thing.SchemeValue]]")
    #expect(SwiftType.list(shared).rendered == "[EC2.InstanceTypeValue]")
  }

  @Test("innermost is the kind inside any lists and maps")
  func innermost() {
    let rule = SwiftType.nested(namespace: "Demo", resource: "Thing", name: "Rule")
    #expect(SwiftType.map(.list(rule)).innermost == rule)
    #expect(SwiftType.list(.string).innermost == .string)
    #expect(rule.innermost == rule)
  }

  @Test("mapNested replaces the nested kinds it is given a replacement for, inside lists and maps")
  func mapNested() {
    let local = SwiftType.nested(namespace: "A", resource: "B", name: "X")
    let global = SwiftType.shared(namespace: "A", name: "X")
    let toGlobal = { (type: SwiftType) in
      type.mapNested { resource, name in resource == "B" && name == "X" ? global : nil }
    }
    #expect(toGlobal(local) == global)
    #expect(toGlobal(.map(.list(local))) == .map(.list(global)))
    let longer = SwiftType.list(.nested(namespace: "A", resource: "B", name: "XY"))
    #expect(toGlobal(longer) == longer)
    let otherOwner = SwiftType.nested(namespace: "A", resource: "C", name: "X")
    #expect(toGlobal(otherOwner) == otherOwner)
    #expect(toGlobal(.string) == .string)
    #expect(toGlobal(global) == global)
  }
}
