// swift-tools-version:6.0
import PackageDescription

// Modules and their arrows are described in docs/architecture.md:
// feature modules depend only on FeedModel; Monitor wires them together.
let package = Package(
    name: "feedwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "feedwatch", targets: ["feedwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.70.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "FeedModel"),
        .target(name: "Config", dependencies: ["FeedModel"]),
        .target(name: "Fetching", dependencies: ["FeedModel", "CCurl", "CZlib"]),
        .target(name: "Parsing", dependencies: ["FeedModel", "CLibXML2"]),
        .target(name: "Matching", dependencies: ["FeedModel"]),
        .target(name: "Storage", dependencies: [
            "FeedModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Digest", dependencies: ["FeedModel"]),
        .target(name: "Monitor", dependencies: [
            "FeedModel", "Config", "Fetching", "Parsing", "Matching", "Storage", "Digest",
        ]),
        .executableTarget(name: "feedwatch", dependencies: [
            "Monitor", "FeedModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // A real HTTP server on 127.0.0.1 that tests start themselves and that
        // misbehaves on purpose (304s, gzip, redirects, resets, trickles).
        .target(name: "TestSupport", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], path: "Tests/TestSupport"),

        .testTarget(name: "FeedModelTests", dependencies: ["FeedModel"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "FeedModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "FeedModel", "TestSupport"]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing", "FeedModel", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "FeedModel", "TestSupport"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "FeedModel"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest", "FeedModel", "TestSupport"]),
        .testTarget(name: "MonitorTests", dependencies: ["Monitor", "FeedModel", "TestSupport"]),
        .testTarget(name: "FeedwatchTests", dependencies: ["TestSupport"]),
    ]
)
