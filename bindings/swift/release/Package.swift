// swift-tools-version:5.9
//
// The release manifest of the Airbyte Embedded Swift package, for iOS and macOS apps: the
// generated Swift (Sources/AirbyteEmbedded) over a prebuilt XCFramework of the static native
// library and its C header (airbyte_embeddedFFI), so an app needs no Rust toolchain.
//
// scripts/build-xcframework writes a copy of this file at the root of the release package
// (target/swift-release) with the archive's URL and SwiftPM checksum filled in. With an empty
// URL the binary target is the local airbyte_embeddedFFI.xcframework beside the manifest
// (to try a build before publishing).
import PackageDescription

let xcframeworkURL = ""
let xcframeworkChecksum = ""

let ffi: Target = xcframeworkURL.isEmpty
    ? .binaryTarget(name: "airbyte_embeddedFFI", path: "airbyte_embeddedFFI.xcframework")
    : .binaryTarget(name: "airbyte_embeddedFFI", url: xcframeworkURL, checksum: xcframeworkChecksum)

let package = Package(
    name: "AirbyteEmbedded",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "AirbyteEmbedded", targets: ["AirbyteEmbedded"]),
    ],
    targets: [
        ffi,
        .target(
            name: "AirbyteEmbedded",
            dependencies: ["airbyte_embeddedFFI"],
            path: "Sources/AirbyteEmbedded",
            // The static library's system dependencies: the platform's trusted roots for TLS
            // (rustls-native-certs through security-framework). scripts/build-xcframework prints
            // rustc's full list (--print native-static-libs) for each target.
            linkerSettings: [
                .linkedFramework("Security"),
                .linkedFramework("CoreFoundation"),
            ]
        ),
    ]
)
