/// Shows stack events as they arrive: one line each (``ProgressStyle/plain``), or
/// a table of resources redrawn in place with elapsed times (``ProgressStyle/live``).
final class ProgressView {
  private struct Row {
    var logicalID: String
    var resourceType: String
    var status: String
    var started: Double?
    var finished: Double?
  }

  private let style: ProgressStyle
  private let console: Console
  private let stackName: String
  private let started: Double
  private var rows: [Row] = []
  private var rowIndex: [String: Int] = [:]
  private var stackStatus = ""
  private var drawnLines = 0
  private(set) var events: [StackEvent] = []

  init(style: ProgressStyle, console: Console, stackName: String, started: Double = WallClock.now()) {
    self.style = style
    self.console = console
    self.stackName = stackName
    self.started = started
  }

  /// Takes new events, oldest first.
  func add(_ newEvents: [StackEvent]) {
    for event in newEvents {
      events.append(event)
      if event.isStackEvent {
        stackStatus = event.status
      } else {
        let time = WallClock.seconds(fromISO8601: event.timestamp)
        if let index = rowIndex[event.logicalID] {
          rows[index].status = event.status
          if event.status.hasSuffix("_IN_PROGRESS") {
            if rows[index].finished != nil {
              rows[index].started = time
              rows[index].finished = nil
            }
          } else {
            rows[index].finished = time ?? WallClock.now()
          }
        } else {
          rowIndex[event.logicalID] = rows.count
          let done = !event.status.hasSuffix("_IN_PROGRESS")
          rows.append(
            Row(
              logicalID: event.logicalID, resourceType: event.resourceType, status: event.status, started: time,
              finished: done ? time : nil))
        }
      }
      if style == .plain { console.write(Self.line(for: event)) }
    }
  }

  /// Redraws the live table (plain style writes nothing here).
  func refresh(stackStatus status: String?) {
    if let status { stackStatus = status }
    guard style == .live else { return }
    let now = WallClock.now()
    var lines = [
      "Stack \(stackName): \(stackStatus.isEmpty ? "waiting" : stackStatus)  \(WallClock.duration(now - started))"
    ]
    let nameWidth = max(20, rows.map(\.logicalID.count).max() ?? 0)
    let typeWidth = max(10, rows.map(\.resourceType.count).max() ?? 0)
    let statusWidth = max(18, rows.map(\.status.count).max() ?? 0)
    for row in rows {
      let symbol =
        row.status.hasSuffix("_FAILED") ? "✗" : row.status.hasSuffix("_IN_PROGRESS") ? "…" : "✓"
      let elapsed = row.started.map { WallClock.duration((row.finished ?? now) - $0) } ?? ""
      lines.append(
        "  \(symbol) \(row.logicalID.padded(to: nameWidth))  \(row.resourceType.padded(to: typeWidth))  "
          + "\(row.status.padded(to: statusWidth))  \(elapsed)")
    }
    var text = drawnLines > 0 ? "\u{1B}[\(drawnLines)A" : ""
    for line in lines { text += "\u{1B}[2K" + line + "\n" }
    drawnLines = lines.count
    console.write(text)
  }

  /// `16:20:01  CREATE_COMPLETE  VPC  AWS::EC2::VPC  reason`.
  static func line(for event: StackEvent) -> String {
    var line =
      "\(WallClock.timeOfDay(fromISO8601: event.timestamp))  \(event.status.padded(to: 20))  "
      + "\(event.logicalID.padded(to: 24))  \(event.resourceType)"
    if let reason = event.reason, !reason.isEmpty { line += "  \(reason)" }
    return line + "\n"
  }
}
