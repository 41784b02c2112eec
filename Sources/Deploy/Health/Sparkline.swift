/// A row of block characters, one per value, as high as the value is against
/// the largest: `▁▂▄█▆`. All zeros are a flat `▁` row.
enum Sparkline {
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  static func text(_ values: [Double]) -> String {
    let largest = values.max() ?? 0
    return String(
      values.map { value in
        guard largest > 0, value > 0 else { return levels[0] }
        return levels[min(levels.count - 1, Int((value / largest * Double(levels.count - 1)).rounded()))]
      })
  }
}
