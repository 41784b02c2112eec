/// The parse stage's output: one resource type's schema, reduced to what code
/// generation needs.
package struct ResourceSchema: Hashable, Sendable {
  package var typeName: String
  /// Top-level properties, sorted by name.
  package var properties: [(name: String, schema: PropertySchema)]
  package var required: [String]
  /// JSON pointers below `/properties/` (`GroupId`, `Endpoint/Address`).
  package var readOnlyProperties: [String]
  package var createOnlyProperties: [String]
  /// Definitions by name, sorted by name.
  package var definitions: [(name: String, schema: PropertySchema)]
  /// Sets of properties of which one set must be given (`oneOf`/`anyOf` of `required`
  /// lists at the top level), in the schema's order.
  package var requiredAlternatives: [[String]] = []
  /// Properties the schema accepts for a resource of the type, for the sample program.
  package var example: SchemaExample? = nil

  package init(
    typeName: String, properties: [(name: String, schema: PropertySchema)], required: [String] = [],
    readOnlyProperties: [String] = [], createOnlyProperties: [String] = [],
    definitions: [(name: String, schema: PropertySchema)] = []
  ) {
    self.typeName = typeName
    self.properties = properties
    self.required = required
    self.readOnlyProperties = readOnlyProperties
    self.createOnlyProperties = createOnlyProperties
    self.definitions = definitions
  }

  package static func == (left: ResourceSchema, right: ResourceSchema) -> Bool {
    left.typeName == right.typeName && left.properties.map(\.name) == right.properties.map(\.name)
      && left.properties.map(\.schema) == right.properties.map(\.schema) && left.required == right.required
      && left.readOnlyProperties == right.readOnlyProperties && left.createOnlyProperties == right.createOnlyProperties
      && left.definitions.map(\.name) == right.definitions.map(\.name)
      && left.definitions.map(\.schema) == right.definitions.map(\.schema)
      && left.requiredAlternatives == right.requiredAlternatives
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(typeName)
    for property in properties { hasher.combine(property.name) }
  }

  /// The definition named `name`.
  package func definition(_ name: String) -> PropertySchema? {
    definitions.first { $0.name == name }?.schema
  }
}

/// The JSON-schema shapes a property can take, after the parse stage has
/// resolved what it can.
package indirect enum PropertySchema: Hashable, Sendable {
  case string
  /// A string with a `format` (`ipv4-network`, `AWS::EC2::VPC.Id`…).
  case formattedString(String)
  /// A string restricted to these values.
  case enumeration([String])
  case integer
  case number
  case boolean
  case array(PropertySchema)
  /// An object with known properties (inline, not a named definition).
  case object(properties: [PropertyEntry], required: [String])
  /// An object whose keys are free and whose values share a schema
  /// (`patternProperties`, or `additionalProperties` with a schema).
  case map(PropertySchema)
  /// `$ref: #/definitions/Name`.
  case reference(String)
  /// Anything else: free-form JSON. The documented fallback for `type` lists,
  /// `oneOf`/`anyOf` alternatives of different kinds and objects without
  /// properties, so that no property is ever dropped.
  case json

  package struct PropertyEntry: Hashable, Sendable {
    package var name: String
    package var schema: PropertySchema

    package init(_ name: String, _ schema: PropertySchema) {
      self.name = name
      self.schema = schema
    }
  }
}
