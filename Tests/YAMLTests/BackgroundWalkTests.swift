import CYAML
import Testing
import YAMLCorpus

@testable import YAML

/// Large documents are walked on a second thread while libyaml writes on the
/// caller's. Nothing about the output may depend on it.
@Suite("Background walk")
struct BackgroundWalkTests {
  static func options(_ walk: YAMLEmitter.BackgroundWalk) -> YAMLEmitter.Options {
    var options = YAMLEmitter.Options()
    options.backgroundWalk = walk
    return options
  }

  /// Random trees as the resources of one large template: blank lines between
  /// them, a comment above every seventh, each random tree with every quoting
  /// and layout case (literal blocks, `|+`, indentless sequences, flow, tags).
  static func largeTree(seed: UInt64, resources: Int) -> YAMLNode {
    var generator = RandomTreeGenerator(seed: seed)
    var resourcesMapping = YAMLMapping([], blankLinesBetweenEntries: true)
    for index in 0..<resources {
      resourcesMapping.append(
        "Resource\(index)", generator.tree(), comment: index % 7 == 0 ? "resource \(index)" : nil)
    }
    return .mapping(
      YAMLMapping(
        [
          .init(key: "AWSTemplateFormatVersion", value: "2010-09-09"),
          .init(key: "Resources", value: .mapping(resourcesMapping)),
        ], blankLinesBetweenEntries: true))
  }

  @Test("a large tree gives the same bytes on one thread and on two, to memory and to a descriptor")
  func sameBytes() throws {
    let tree = Self.largeTree(seed: 2026, resources: 1000)
    // Many chunks' worth of events, so chunk boundaries fall everywhere.
    let spansManyChunks = tree.hasMoreNodes(than: 8 * EventChunk.capacity)
    #expect(spansManyChunks)
    let oneThread = try YAMLEmitter(options: Self.options(.never)).bytes(from: tree)
    #expect(try YAMLEmitter(options: Self.options(.always)).bytes(from: tree) == oneThread)
    #expect(try YAMLEmitter(options: Self.options(.automatic)).bytes(from: tree) == oneThread)
    #expect(try bytesWrittenToPipe(tree, options: Self.options(.always)) == oneThread)
    let parsesBack = try YAMLParser().parse(bytes: oneThread) == tree
    #expect(parsesBack)
  }

  @Test("the size check counts every node, keys and collections included, and stops at the limit")
  func sizeCheck() {
    // The root, 2 keys, 2 values, 3 items and the item of the key `[k]`: 9 nodes.
    let tree = YAMLNode.mapping(
      YAMLMapping([
        .init(key: "a", value: [1, 2, 3]),
        .init(key: ["k"], value: "v"),
      ]))
    #expect(tree.hasMoreNodes(than: 8))
    #expect(!tree.hasMoreNodes(than: 9))
    #expect(!YAMLNode.string("x").hasMoreNodes(than: 1))
    #expect(YAMLNode.string("x").hasMoreNodes(than: 0))
    let wide = YAMLNode.sequence(YAMLSequence(Array(repeating: [1, 2], count: 10_000)))
    #expect(wide.hasMoreNodes(than: YAMLEmitter.backgroundWalkThreshold))
    #expect(!wide.hasMoreNodes(than: 30_001))
  }

  @Test("small trees give the same bytes on two threads (one chunk, or less)")
  func smallTrees() throws {
    var generator = RandomTreeGenerator(seed: 31)
    let twoThreads = YAMLEmitter(options: Self.options(.always))
    let oneThread = YAMLEmitter(options: Self.options(.never))
    for _ in 0..<300 {
      let tree = generator.tree()
      #expect(try twoThreads.bytes(from: tree) == oneThread.bytes(from: tree))
    }
    #expect(try twoThreads.string(from: "alone") == "alone\n")
  }

  @Test(
    "an error late in the walk is the error one thread reports, and stops both threads",
    arguments: [
      (YAMLNode.scalar(.string("VPC", tag: "")), YAMLError.invalidTag("")),
      (
        YAMLNode.mapping(YAMLMapping([.init(key: "A", value: "b", comment: "bad\rcomment")])),
        YAMLError.invalidComment("bad\rcomment")
      ),
    ])
  func walkError(bad: YAMLNode, expected: YAMLError) throws {
    guard case .mapping(var root) = Self.largeTree(seed: 7, resources: 300),
      case .mapping(var resources) = root.entries[1].value
    else {
      Issue.record("unexpected tree")
      return
    }
    resources.append("Late", bad)
    root.entries[1].value = .mapping(resources)
    let tree = YAMLNode.mapping(root)
    for walk in [YAMLEmitter.BackgroundWalk.never, .always] {
      #expect(throws: expected) { try YAMLEmitter(options: Self.options(walk)).bytes(from: tree) }
      #expect(throws: expected) { try bytesWrittenToPipe(tree, options: Self.options(walk)) }
    }
  }

  @Test("a consumer that stops reading stops the walk at its next chunk")
  func consumerStops() throws {
    final class Outcome: @unchecked Sendable {
      var error: (any Error)?
    }
    let tree = Self.largeTree(seed: 5, resources: 300)
    let pipe = EventPipe(chunks: 2)
    let outcome = Outcome()
    let walk = try WorkerThread {
      let producer = PipeProducer(pipe: pipe)
      do {
        try TreeWalker(target: producer).emitDocument(tree)
        producer.finish(failure: nil)
      } catch {
        outcome.error = error
        producer.finish(failure: error)
      }
    }
    let first = pipe.receive()
    #expect(first.count == EventChunk.capacity)
    #expect(!first.isLast)
    pipe.cancel()
    first.discardEvents(from: 0)
    pipe.recycle(first)
    walk.join()  // returns: the walk did not wait for a reader that is gone
    #expect(outcome.error is PipeProducer.Stopped)
  }
}
