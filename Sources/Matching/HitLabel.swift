/// What a hit of one pattern owner says besides where it is: the entity's
/// name, the spelling as written and, for a contested name, its variant and
/// side. Resolved once when the matcher is built, so a hit only copies strings
/// that already exist.
struct HitLabel: Sendable {
    let entity: String?
    let spelling: String
    let variant: String?
    let side: String?
}
