#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C while a rollout waits: noted instead of ending the process, so the
/// rollout stops between two of its own steps and says how to go on or roll back.
enum Interruption {
  nonisolated(unsafe) private static var requested: sig_atomic_t = 0

  /// From now on SIGINT is noted, not fatal.
  static func catchInterrupts() {
    signal(SIGINT) { _ in Interruption.requested = 1 }
  }

  /// SIGINT ends the process again.
  static func restoreDefault() {
    signal(SIGINT, SIG_DFL)
  }

  static var wasRequested: Bool { requested != 0 }

  /// Sleeps until `deadline` (seconds since 1970); false when interrupted first.
  static func sleep(until deadline: Double) -> Bool {
    while WallClock.now() < deadline {
      if wasRequested { return false }
      WallClock.sleep(seconds: min(0.1, deadline - WallClock.now()))
    }
    return !wasRequested
  }
}
