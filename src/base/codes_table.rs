//! The table a family of diagnostic codes is declared in, once.
//!
//! [`code_table!`] turns one entry per code — variant, kebab-case code, default level, a
//! one-sentence description, optional details, an example diagnostic in English, optionally
//! the same example in French, and how to fix it — into the enum with its per-variant docs,
//! `ALL`, `as_str`, `Display`, `FromStr`, serde (as the kebab-case string), the default level,
//! `description()`, `example()`, `example_fr()` and `fix()`. The
//! validation codes ([`RuleCode`](crate::RuleCode)) and the import codes
//! ([`ImportCode`](crate::ImportCode)) are both declared with it, and `docs/codes.md` is
//! generated from the same tables (see [`codes::markdown`](crate::codes::markdown)).

/// Declares a code enum from its table. See the [module docs](self).
///
/// ```text
/// code_table! {
///     /// Docs of the enum.
///     pub enum RuleCode {
///         what: "rule code";
///         /// Docs of the level function.
///         fn default_severity -> Severity;
///         ReferentielMismatch = "referentiel-mismatch", Error {
///             description: "The audit names another référentiel …",
///             details: "Optional paragraph.",            // optional
///             example: "referentiel.id: [referentiel-mismatch] error: …",
///             example_fr: "referentiel.id\u{a0}: [referentiel-mismatch] erreur\u{a0}: …", // optional
///             fix: "Validate against …",
///         }
///     }
/// }
/// ```
macro_rules! code_table {
    (
        $(#[$meta:meta])*
        pub enum $Enum:ident {
            what: $what:literal;
            $(#[$level_meta:meta])*
            fn $level_fn:ident -> $Level:ident;
            $(
                $Variant:ident = $code:literal, $level:ident {
                    description: $description:literal,
                    $(details: $details:literal,)?
                    example: $example:literal,
                    $(example_fr: $example_fr:literal,)?
                    fix: $fix:literal $(,)?
                }
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::EnumIter)]
        #[non_exhaustive]
        pub enum $Enum {
            $(
                #[doc = $description]
                $(
                    #[doc = ""]
                    #[doc = $details]
                )?
                #[doc = ""]
                #[doc = concat!("`", $code, "`, ", stringify!($level), " by default. Fix: ", $fix)]
                #[doc = ""]
                #[doc = "```text"]
                #[doc = $example]
                $(
                    #[doc = $example_fr]
                )?
                #[doc = "```"]
                $Variant,
            )*
        }

        impl $Enum {
            /// Every code, in documentation order.
            pub const ALL: &'static [$Enum] = &[$($Enum::$Variant),*];

            /// Every code as written, in documentation order.
            const NAMES: &'static [&'static str] = &[$($code),*];

            /// The code as written in diagnostics and JSON, in kebab case (its wire form).
            #[must_use]
            pub const fn code(self) -> &'static str {
                self.as_str()
            }

            /// The code as written in diagnostics, in kebab case.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($Enum::$Variant => $code,)*
                }
            }

            $(#[$level_meta])*
            #[must_use]
            // One arm per code, so that the list reads as the reference table.
            #[allow(clippy::match_same_arms)]
            pub const fn $level_fn(self) -> $Level {
                match self {
                    $($Enum::$Variant => $Level::$level,)*
                }
            }

            /// What the code reports, in one sentence.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self {
                    $($Enum::$Variant => $description,)*
                }
            }

            /// An example diagnostic with this code, as printed.
            #[must_use]
            pub const fn example(self) -> &'static str {
                match self {
                    $($Enum::$Variant => $example,)*
                }
            }

            /// An example diagnostic with this code, as printed in French (`Display`); `None`
            /// for a code whose table does not give one yet.
            #[must_use]
            // One arm per code, so that the list reads as the reference table.
            #[allow(clippy::match_same_arms)]
            pub const fn example_fr(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => $crate::base::codes_table::code_table!(@opt $($example_fr)?),)*
                }
            }

            /// How to fix what the code reports.
            #[must_use]
            pub const fn fix(self) -> &'static str {
                match self {
                    $($Enum::$Variant => $fix,)*
                }
            }

            /// More about when the code is (not) reported, for the few codes that need it.
            #[allow(dead_code)]
            pub(crate) const fn details(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => $crate::base::codes_table::code_table!(@opt $($details)?),)*
                }
            }
        }

        impl ::core::fmt::Display for $Enum {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $Enum {
            type Err = $crate::Error;

            /// Reads a code as written in diagnostics (exactly, in kebab case).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $Enum::ALL
                    .iter()
                    .copied()
                    .find(|c| c.as_str() == s)
                    .ok_or_else(|| $crate::Error::UnknownCode {
                        what: $what,
                        value: s.to_owned(),
                        expected: $crate::base::codes_table::code_table!(@join $($code),*),
                    })
            }
        }

        impl ::serde::Serialize for $Enum {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $Enum {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                $Enum::ALL
                    .iter()
                    .copied()
                    .find(|c| c.as_str() == text)
                    .ok_or_else(|| ::serde::de::Error::unknown_variant(&text, $Enum::NAMES))
            }
        }
    };
    (@opt $details:literal) => { Some($details) };
    (@opt) => { None };
    (@join $first:literal $(, $rest:literal)*) => { concat!($first $(, ", ", $rest)*) };
}

pub(crate) use code_table;
