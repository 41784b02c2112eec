// `swift run my-stacks` prints the data stack's template; `swift run my-stacks check Generated`
// checks the committed copy, `swift run my-stacks diff` shows what a change will do, and
// `swift run my-stacks deploy` deploys it (stack name: data, tagged team=data).
import GenCommand
import MyStacks

Gen.run(stacks: [
  StackDefinition(
    name: "data", fileName: "data.yml", source: "Sources/MyStacks",
    summary: "Data bucket encrypted with its own KMS key, its name in SSM",
    deployment: DeploySettings(tags: ["team": "data"])
  ) { DataStack.template }
])
