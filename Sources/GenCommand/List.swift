import ArgumentParser

/// `gen list`.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the stacks and the files they are committed as.")

  func run() throws {
    for (index, stack) in Gen.stacks.enumerated() {
      let marker = index == 0 ? " (default)" : ""
      print("\(stack.name)\(marker)\t\(stack.fileName)\t\(stack.summary)")
    }
  }
}
