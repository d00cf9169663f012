/// A word-level difference between two texts, compact enough for one line of a digest:
/// only the changed runs, each with a few words of context around it.
struct WordDiff: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        /// Unchanged words.
        case same([String])
        case removed([String])
        case added([String])
        /// Unchanged words left out between two changes.
        case gap
    }

    /// Words beyond this many per text are not compared (the tail shows as one change).
    static let maxWords = 300
    static let context = 3

    var pieces: [Piece]

    init(old: String, new: String) {
        let a = Self.words(old), b = Self.words(new)
        pieces = Self.compact(Self.diff(a, b))
    }

    static func words(_ text: String) -> [String] {
        let all = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard all.count > maxWords else { return all }
        return Array(all.prefix(maxWords - 1)) + [all.suffix(from: maxWords - 1).joined(separator: " ")]
    }

    /// Longest common subsequence of words, as runs of same / removed / added.
    static func diff(_ a: [String], _ b: [String]) -> [Piece] {
        let n = a.count, m = b.count
        // lengths[i][j]: LCS of a[i...] and b[j...], in one flat array.
        var lengths = [Int](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] = a[i] == b[j]
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
        }
        var pieces: [Piece] = []
        func append(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): pieces[pieces.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): pieces[pieces.count - 1] = .added(x + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                append(.same([a[i]])); i += 1; j += 1
            } else if j < m, i == n || lengths[i * (m + 1) + j + 1] >= lengths[(i + 1) * (m + 1) + j] {
                append(.added([b[j]])); j += 1
            } else {
                append(.removed([a[i]])); i += 1
            }
        }
        // A removal next to an addition reads better removal first.
        var index = 0
        while index + 1 < pieces.count {
            if case .added = pieces[index], case .removed = pieces[index + 1] {
                pieces.swapAt(index, index + 1)
            }
            index += 1
        }
        return pieces
    }

    /// Unchanged runs cut to `context` words on each side of a change.
    static func compact(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for (index, piece) in pieces.enumerated() {
            guard case .same(let words) = piece else { out.append(piece); continue }
            let isFirst = index == 0, isLast = index == pieces.count - 1
            let keepBefore = isFirst ? 0 : context, keepAfter = isLast ? 0 : context
            // "…" stands for three words or more; fewer are shown as they are.
            if (isFirst && isLast) || words.count - keepBefore - keepAfter < 3 {
                out.append(piece)
                continue
            }
            if keepBefore > 0 { out.append(.same(Array(words.prefix(keepBefore)))) }
            out.append(.gap)
            if keepAfter > 0 { out.append(.same(Array(words.suffix(keepAfter)))) }
        }
        return out
    }
}
