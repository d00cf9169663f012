/// Groups items into stories: two items whose fingerprints are at least `threshold` similar
/// belong together, and so do pairs linked otherwise (`EntityStoryLinker`: the same event in
/// another language), and (transitively) everything linked to them.
///
/// Candidate pairs come from MinHash bands (pairs sharing any band of 2 slots), so the work
/// grows with the number of similar pairs, not with the square of the items; each candidate
/// is then checked on the whole signature.
struct StoryGrouper {
    var threshold: Double

    /// Groups of indexes into `fingerprints`, each in ascending order, ordered by their first index.
    /// An item without a fingerprint stands alone unless `linked` names it.
    func groups(_ fingerprints: [StoryFingerprint?], linked: [(Int, Int)] = []) -> [[Int]] {
        var parent = Array(0..<fingerprints.count)
        func find(_ index: Int) -> Int {
            var root = index
            while parent[root] != root { root = parent[root] }
            var node = index
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }

        let bandCount = StoryFingerprint.count / StoryFingerprint.bandWidth
        let bands = fingerprints.map { $0?.bands }
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(fingerprints.count)
        for band in 0..<bandCount {
            // Sorting by band key puts each bucket in one run (cheaper than a dictionary of arrays).
            keyed.removeAll(keepingCapacity: true)
            for (index, keys) in bands.enumerated() {
                if let keys { keyed.append((keys[band], index)) }
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
                for i in start..<end {
                    for j in (i + 1)..<end {
                        let a = find(keyed[i].index), b = find(keyed[j].index)
                        guard a != b, let fa = fingerprints[keyed[i].index], let fb = fingerprints[keyed[j].index],
                              fa.similarity(to: fb) >= threshold else { continue }
                        parent[max(a, b)] = min(a, b)
                    }
                }
                start = end
            }
        }

        for (first, second) in linked {
            let a = find(first), b = find(second)
            if a != b { parent[max(a, b)] = min(a, b) }
        }

        var byRoot: [Int: [Int]] = [:]
        for index in fingerprints.indices { byRoot[find(index), default: []].append(index) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }
}
