import AWSKMS
import CloudFormation
import Testing

/// Overrides on typed resources: any property path set or removed past the
/// Swift API, rendered in canonical order, and errors that name the Swift line.
@Suite("Property overrides")
struct PropertyOverrideTests {
  @Test("set a new nested property, replace one, set a list item, remove one; keys stay in byte order")
  func overrides() throws {
    let key = KMS.Key("Key", description: "old", enableKeyRotation: true, tags: [.init(key: "team", value: "data")])
      .deletionPolicy(.retain).updateReplacePolicy(.retain)
      .overriding("Description", with: "new")
      .overriding("NewSetting.Mode", with: "strict")
      .overriding("Tags.0.Value", with: "platform")
      .overriding("AnotherKey", with: ["A": 1])
      .removingProperty("EnableKeyRotation")
    let yaml = try Template { key }.yaml()
    #expect(
      yaml.hasSuffix(
        """
            Properties:
              AnotherKey:
                A: 1
              Description: new
              NewSetting:
                Mode: strict
              Tags:
                - Key: team
                  Value: platform

        """))
  }

  @Test("an override that cannot apply is an error with the resource's Swift line")
  func failures() {
    let line = #line + 1
    let key = KMS.Key("Key", description: "text", tags: [.init(key: "team", value: "data")])
      .deletionPolicy(.retain).updateReplacePolicy(.retain)
      .removingProperty("KeyPolicy")
      .overriding("Description.Nested", with: 1)
      .overriding("Tags.5.Value", with: "x")
      .overriding("Tags..Value", with: "x")
    let here = "StackTests/PropertyOverrideTests.swift:\(line)"
    #expect(
      Template { key }.problems().map(\.description) == [
        "\(here): Resources.Key Properties.KeyPolicy: the override removes KeyPolicy, which the resource does not set; fix the path",
        "\(here): Resources.Key Properties.Description.Nested: the override sets Description.Nested, but Description is no object or list; fix the path",
        "\(here): Resources.Key Properties.Tags.5.Value: the override sets Tags.5.Value, but Tags is a list of 1 with no item \"5\"; fix the path",
        "\(here): Resources.Key Properties.Tags..Value: the override has an empty key in its path \"Tags..Value\"; write the keys joined by single dots",
      ])
  }
}
