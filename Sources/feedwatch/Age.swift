import Foundation

/// Durations as people read them in a table: "45s", "12m", "3h", "2d".
enum Age {
    static func text(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3_600: return "\(s / 60)m"
        case ..<(2 * 86_400): return "\(s / 3_600)h"
        default: return "\(s / 86_400)d"
        }
    }
}
