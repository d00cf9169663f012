/// An `@NAME` in a rule, kept with its position so that an unknown name can be
/// reported where it was written once every entity of the file is known.
struct EntityReference {
    let name: String
    let line: Int
    let column: Int
}
