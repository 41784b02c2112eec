/// `text` for one line of a terminal: every code point outside printable ASCII
/// written as `\u{…}` (so a combining accent or a line separator shows), and
/// at most `limit` code points of it.
func printable(_ text: String, limit: Int = 600) -> String {
  var result = ""
  var shown = 0
  for scalar in text.unicodeScalars {
    if shown == limit {
      result += "… (\(text.unicodeScalars.count - limit) more)"
      break
    }
    shown += 1
    if scalar == "\n" {
      result += " | "
    } else if scalar.value >= 0x20 && scalar.value < 0x7F {
      result.unicodeScalars.append(scalar)
    } else {
      result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
  }
  return result
}
