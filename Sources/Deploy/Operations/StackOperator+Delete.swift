extension StackOperator {
  /// Deletes the stack and follows it until it is gone. On a terminal, asks first
  /// unless `assumeYes`; elsewhere `assumeYes` is required. A stack with
  /// termination protection is refused before anything is asked.
  public func delete(assumeYes: Bool) throws {
    guard let existing = try describeStack() else {
      console.write("Stack \(stackName) does not exist; nothing to delete.\n")
      return
    }
    guard !existing.terminationProtection else {
      throw DeployError(
        "stack \(stackName) has termination protection; turn it off first (aws cloudformation "
          + "update-termination-protection --no-enable-termination-protection --stack-name \(stackName)) "
          + "if it really is to be deleted. Nothing was deleted")
    }
    try console.requireYes(
      "Delete stack \(stackName) and all its resources?", assumeYes: assumeYes,
      offTerminal: "deleting stack \(stackName) removes all its resources; there is no terminal to confirm on, "
        + "so rerun with --yes to delete it",
      declined: "not deleted; stack \(stackName) is unchanged")
    let seen = try eventIDs(of: existing.stackID)
    try aws.run(["cloudformation", "delete-stack", "--stack-name", stackName])
    console.write("Deleting stack \(stackName)\n")
    try follow(stackID: existing.stackID, seen: seen, succeeded: .deleteComplete, gone: true)
    console.write("Stack \(stackName) deleted.\n")
  }
}
