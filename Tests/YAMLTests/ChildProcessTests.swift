import SystemSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a child started by `runProcess` (gen's `aws` and `git`, the test
/// helpers) inherits from this process: no ignored or blocked signal, and no
/// descriptor beyond its standard streams.
@Suite("Child processes")
struct ChildProcessTests {
  #if os(Linux)
    @Test("a child handles every signal by default, whatever this process ignores")
    func signalsReset() throws {
      let previous = signal(SIGUSR2, SIG_IGN)
      defer { signal(SIGUSR2, previous) }
      let result = try runProcess(["grep", "-E", "^Sig(Ign|Blk):", "/proc/self/status"])
      #expect(result.status == 0)
      let masks = result.outputText.split(separator: "\n").map { line in
        UInt64(line.split(separator: "\t").last.map(String.init) ?? "", radix: 16) ?? .max
      }
      #expect(masks.count == 2)
      let usr2 = UInt64(1) << (UInt64(SIGUSR2) - 1)
      #expect(masks.allSatisfy { $0 & usr2 == 0 }, "\(result.outputText)")
    }

    @Test("a descriptor this process holds open, without close-on-exec, is not the child's")
    func descriptorsClosed() throws {
      let descriptor = open("/dev/null", O_RDONLY)
      #expect(descriptor >= 0)
      let high = dup2(descriptor, 240)
      defer {
        close(descriptor)
        close(high)
      }
      let result = try runProcess(["ls", "/proc/self/fd"])
      #expect(result.status == 0)
      let open = result.outputText.split(separator: "\n").compactMap { Int($0) }
      #expect(!open.contains(240), "the child holds \(open)")
      #expect(open.filter { $0 > 3 }.isEmpty, "the child holds \(open)")
    }
  #endif
}
