/// An `@NAME` in a rule, kept with its position so that an unknown name can be
/// reported where it was written once every entity and topic of the file is known.
struct EntityReference {
    let name: String
    let line: Int
    let column: Int
    /// Inside a side of NEAR/n, where a topic (which has no position) cannot stand.
    var inNear = false
}
