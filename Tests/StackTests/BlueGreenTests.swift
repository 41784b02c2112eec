import BlueGreenStack
import CloudFormation
import Testing
import YAML

@Suite("Blue/green stack")
struct BlueGreenTests {
  @Test("one service per colour from the loop, and conditions that send all traffic to the active colour")
  func structure() throws {
    let template = try YAMLParser().parse(try BlueGreenStack.template.yaml())
    let resources = try #require(template["Resources"]?.mapping?.stringKeys)
    for color in ["Blue", "Green"] {
      #expect(resources.contains("TaskDefinition\(color)"))
      #expect(resources.contains("TargetGroup\(color)"))
      #expect(resources.contains("Service\(color)"))
    }
    #expect(template["Parameters"]?["ActiveColor"]?["AllowedValues"] == ["blue", "green"])
    #expect(
      template["Conditions"]?["BlueIsActive"]
        == .sequence(YAMLSequence([.scalar(.string("ActiveColor", tag: "!Ref")), "blue"], tag: "!Equals")))
    let targets = template["Resources"]?["Listener"]?["Properties"]?["DefaultActions"]?.sequence?.items.first?[
      "ForwardConfig"]?["TargetGroups"]?.sequence?.items
    #expect(
      targets?.map { $0["Weight"] } == [
        .sequence(YAMLSequence(["BlueIsActive", 100, 0], tag: "!If")),
        .sequence(YAMLSequence(["GreenIsActive", 100, 0], tag: "!If")),
      ])
  }
}
