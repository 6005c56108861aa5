// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ActorGraph",
    products: [
        .library(name: "ActorGraphCore", targets: ["ActorGraphCore"]),
        .library(name: "ActorGraphFormats", targets: ["ActorGraphFormats"]),
        .library(name: "ActorGraphRendering", targets: ["ActorGraphRendering"]),
        .library(name: "ActorGraphExtraction", targets: ["ActorGraphExtraction"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
        .executable(name: "actorgraph-bench", targets: ["ActorGraphBench"]),
        .executable(name: "actorgraph-example", targets: ["ActorGraphExample"]),
        .executable(name: "actorgraph-server", targets: ["actorgraph-server"]),
        .executable(name: "actorgraph-eval", targets: ["ActorGraphEval"]),
        .executable(name: "actorgraph-fuzz", targets: ["ActorGraphFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `swift package generate-documentation` (scripts/docs); no code depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // `actorgraph serve` only (the ActorGraphServer target); nothing else links it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Model and algorithms: pure Swift, no file I/O, no C.
        .target(name: "ActorGraphCore"),

        // Readers and writers (YAML/JSON graph files, CSV tables, DOT text).
        // Builds on a machine without Graphviz (it needs only the system zlib).
        .target(
            name: "ActorGraphFormats",
            dependencies: ["ActorGraphCore", "CZlib", "CSignals", .product(name: "Yams", package: "Yams")]
        ),

        // Removes AtomicFile's temporary files on SIGINT/SIGTERM/SIGHUP (a C signal handler).
        .target(name: "CSignals"),

        // The system zlib (Debian: zlib1g-dev), to inflate GDELT's .zip files as a stream.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // The installed Graphviz C library (Debian: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),

        // The only importer of CGraphviz: layouts and renders in process.
        .target(
            name: "ActorGraphRendering",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "CGraphviz"]
        ),

        // Text → candidate relations: sentences (ICU through Foundation's _FoundationICU), actor
        // mentions, a trigger lexicon and a gazetteer (data files in Resources/), modality, dates.
        .target(
            name: "ActorGraphExtraction",
            dependencies: ["ActorGraphCore", "ActorGraphFormats"],
            resources: [.copy("Resources")],
            linkerSettings: [.linkedLibrary("_FoundationICU")]
        ),

        // The interactive report (one self-contained HTML page), the views the page asks for,
        // `diff` between two dates and the review of extraction candidates. No web server here.
        .target(
            name: "ActorGraphReport",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "ActorGraphRendering"],
            // The page's template, style sheet and script, compiled into the binary
            // (`PackageResources`): no resource bundle to ship, no copy to keep in step.
            resources: [.embedInCode("Page/page.html"), .embedInCode("Page/page.css"), .embedInCode("Page/page.js")]
        ),

        // `actorgraph serve`: the report's page and JSON API over Hummingbird. Kept apart so the
        // `actorgraph` executable does not link (or wait for) SwiftNIO and Hummingbird.
        .target(
            name: "ActorGraphServer",
            dependencies: ["ActorGraphReport", "ActorGraphExtraction", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "actorgraph-server",
            dependencies: [
                "ActorGraphServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The command-line tool: parse, call, print.
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorGraphCore", "ActorGraphFormats", "ActorGraphRendering", "ActorGraphExtraction", "ActorGraphReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark and leak-check drivers (scripts/bench, scripts/leakcheck).
        .executableTarget(
            name: "ActorGraphBench",
            dependencies: [
                "ActorGraphCore", "ActorGraphFormats", "ActorGraphRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The library used from code, public API only (docs/LIBRARY.md): a graph built in code,
        // a path question, an SVG.
        .executableTarget(
            name: "ActorGraphExample",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "ActorGraphRendering"],
            path: "Examples/actorgraph-example"
        ),

        // Scores extraction against gold (scripts/eval-extract): the seed graph and PLOVER records.
        .executableTarget(
            name: "ActorGraphEval",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "ActorGraphExtraction"]
        ),

        // libFuzzer targets for every reader (scripts/fuzz); a replayer of inputs in plain builds.
        .executableTarget(
            name: "ActorGraphFuzz",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "ActorGraphRendering", "ActorGraphExtraction",
                           "ActorGraphServer"],
            path: "Fuzz/ActorGraphFuzz"
        ),

        // Tests
        .target(
            name: "TestSupport",
            dependencies: ["ActorGraphCore", "ActorGraphFormats"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ActorGraphCoreTests",
            dependencies: ["ActorGraphCore", "ActorGraphFormats", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ActorGraphFormatsTests",
            dependencies: ["ActorGraphFormats", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ActorGraphExtractionTests",
            dependencies: ["ActorGraphExtraction", "ActorGraphFormats", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ActorGraphRenderingTests",
            dependencies: ["ActorGraphRendering", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ActorGraphReportTests",
            dependencies: ["ActorGraphReport", "ActorGraphServer", "TestSupport"]
        ),
        .testTarget(
            name: "ActorGraphCLITests",
            dependencies: ["TestSupport"],
            exclude: ["Golden"]
        ),
    ]
)
