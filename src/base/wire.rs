//! `FromStr` for the domain enums whose wire form (the JSON value) is a fixed word, e.g.
//! `suivi`, `sous-prefecture`, `favorable_with_conditions`: one parser, the same words as serde,
//! ASCII case and surrounding spaces ignored, and an error listing what is accepted.

use strum::IntoEnumIterator;

use crate::Error;

/// Parses the wire form of a `T`.
pub(crate) fn parse<T>(s: &str, what: &'static str, expected: &'static str) -> Result<T, Error>
where
    T: IntoEnumIterator + Into<&'static str> + Copy,
{
    let wanted = s.trim();
    T::iter()
        .find(|v| Into::<&'static str>::into(*v).eq_ignore_ascii_case(wanted))
        .ok_or_else(|| Error::UnknownCode {
            what,
            value: s.to_owned(),
            expected,
        })
}

/// The wire forms of `T`, comma-separated: what `expected` must say (checked by tests).
#[cfg(test)]
pub(crate) fn forms<T>() -> String
where
    T: IntoEnumIterator + Into<&'static str>,
{
    T::iter().map(Into::into).collect::<Vec<&str>>().join(", ")
}

/// `FromStr` (through [`parse`]), `Display` (the wire form, from the type's `code()`) and `ALL`
/// for a wire enum deriving strum's `EnumIter` and `IntoStaticStr` with the same spelling as its
/// serde form.
macro_rules! wire_enum {
    ($ty:ident, $what:literal, $expected:literal, [$($variant:ident),+ $(,)?]) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::Error;

            /// Parses the wire form (as in JSON), ignoring ASCII case and surrounding spaces.
            fn from_str(s: &str) -> Result<Self, $crate::Error> {
                $crate::base::wire::parse(s, $what, $expected)
            }
        }

        impl ::std::fmt::Display for $ty {
            /// The wire form, as in JSON.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use super::forms;
    use crate::{
        AdministrationType, AuditType, DueSource, Error, ImportLevel, ManagementSection, Outcome,
        RemoteChannel, Rule, Severity,
    };

    /// The `expected` list of an error is every wire form, in order.
    fn expected_of<T: std::str::FromStr<Err = Error>>() -> &'static str {
        match "?".parse::<T>() {
            Err(Error::UnknownCode { expected, .. }) => expected,
            _ => "",
        }
    }

    #[test]
    fn the_accepted_lists_are_the_wire_forms() {
        assert_eq!(expected_of::<AuditType>(), forms::<AuditType>());
        assert_eq!(
            expected_of::<AdministrationType>(),
            forms::<AdministrationType>()
        );
        assert_eq!(expected_of::<RemoteChannel>(), forms::<RemoteChannel>());
        assert_eq!(
            expected_of::<ManagementSection>(),
            forms::<ManagementSection>()
        );
        assert_eq!(expected_of::<Outcome>(), forms::<Outcome>());
        assert_eq!(expected_of::<Rule>(), forms::<Rule>());
        assert_eq!(expected_of::<DueSource>(), forms::<DueSource>());
        assert_eq!(expected_of::<Severity>(), forms::<Severity>());
        assert_eq!(expected_of::<ImportLevel>(), forms::<ImportLevel>());
    }
}
