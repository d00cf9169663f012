/// Groups items into stories: two items whose fingerprints are at least `threshold` similar
/// belong together, and so (transitively) does everything linked to them.
///
/// Candidate pairs come from MinHash bands (pairs sharing any band of 2 slots), so the work
/// grows with the number of similar pairs, not with the square of the items; each candidate
/// is then checked on the whole signature.
struct StoryGrouper {
    var threshold: Double

    /// Groups of indexes into `fingerprints`, each in ascending order, ordered by their first index.
    /// An item without a fingerprint stands alone.
    func groups(_ fingerprints: [StoryFingerprint?]) -> [[Int]] {
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
        for band in 0..<bandCount {
            var buckets: [UInt64: [Int]] = [:]
            for (index, keys) in bands.enumerated() {
                guard let keys else { continue }
                buckets[keys[band], default: []].append(index)
            }
            for members in buckets.values where members.count > 1 {
                for i in 0..<members.count {
                    for j in (i + 1)..<members.count {
                        let a = find(members[i]), b = find(members[j])
                        guard a != b, let fa = fingerprints[members[i]], let fb = fingerprints[members[j]],
                              fa.similarity(to: fb) >= threshold else { continue }
                        parent[max(a, b)] = min(a, b)
                    }
                }
            }
        }

        var byRoot: [Int: [Int]] = [:]
        for index in fingerprints.indices { byRoot[find(index), default: []].append(index) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }
}
