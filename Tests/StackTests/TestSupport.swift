import TestSupport

let testsDirectory = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
let packageRoot = String(testsDirectory.prefix(upTo: testsDirectory.firstRange(of: "/Tests/StackTests")!.lowerBound))

func readFile(_ path: String) throws -> String {
  try readTextFile(path)
}

typealias TestFailure = TestSupportError

/// Runs a program; returns its exit status, standard output and standard error as text.
func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
  let result = try runProcess(arguments)
  return (result.status, result.outputText, result.errorText)
}
