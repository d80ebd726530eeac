//! Building a référentiel in code: [`ReferentielBuilder`] and the constructors of its parts.

use chrono::NaiveDate;

use crate::model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};
use crate::model::referentiel::{
    ChannelGroup, Engagement, ManagementItem, Module, REFERENTIEL_FORMAT, ReferentielData,
};
use crate::{Error, Referentiel};

/// Builds a [`Referentiel`] in code; [`build`](ReferentielBuilder::build) checks the same
/// invariants as loading a file, and lists every problem.
///
/// ```
/// use qualepref::{
///     Engagement, EngagementNumber, ManagementItem, ManagementSection, Module, ModuleNumber,
///     NaiveDate, Referentiel,
/// };
/// let one = ModuleNumber::ONE;
/// let date = NaiveDate::from_ymd_opt(2025, 1, 15).ok_or("date")?;
/// let referentiel = Referentiel::builder("accueil-2025", "Accueil", "Référentiel d'accueil", date)
///     .module(Module::new(one, "Accueil des usagers").obligatory())
///     .engagement(Engagement::new(EngagementNumber::try_from(1)?, one, "Nous vous accueillons"))
///     .engagement(Engagement::new(EngagementNumber::try_from(2)?, one, "Nous vous répondons"))
///     .management_item(ManagementItem::new(ManagementSection::Pilotage, 1, "Responsabilités"))
///     .build()?;
/// assert_eq!(referentiel.engagements().len(), 2);
///
/// // A broken invariant is refused with every problem listed.
/// let broken = Referentiel::builder("x", "X", "X", date)
///     .engagement(Engagement::new(EngagementNumber::try_from(1)?, one, ""))
///     .build();
/// assert!(broken.is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ReferentielBuilder {
    data: ReferentielData,
}

impl Referentiel {
    /// Starts a référentiel with its stable `id` (which audits name), short `name`, full
    /// `title` and publication `date`.
    pub fn builder(
        id: impl Into<String>,
        name: impl Into<String>,
        title: impl Into<String>,
        date: NaiveDate,
    ) -> ReferentielBuilder {
        ReferentielBuilder {
            data: ReferentielData {
                format: Some(REFERENTIEL_FORMAT.to_owned()),
                id: id.into(),
                name: name.into(),
                title: title.into(),
                publisher: None,
                date,
                revised: None,
                provenance: Vec::new(),
                modules: Vec::new(),
                engagements: Vec::new(),
                management: Vec::new(),
            },
        }
    }
}

impl ReferentielBuilder {
    /// The publisher, e.g. `SG/DMAT/SDAT`.
    pub fn publisher(mut self, publisher: impl Into<String>) -> Self {
        self.data.publisher = Some(publisher.into());
        self
    }

    /// The date of the last revision.
    pub fn revised(mut self, date: NaiveDate) -> Self {
        self.data.revised = Some(date);
        self
    }

    /// A line saying where a part of the data comes from.
    pub fn provenance(mut self, line: impl Into<String>) -> Self {
        self.data.provenance.push(line.into());
        self
    }

    /// Adds a module.
    pub fn module(mut self, module: Module) -> Self {
        self.data.modules.push(module);
        self
    }

    /// Adds an engagement.
    pub fn engagement(mut self, engagement: Engagement) -> Self {
        self.data.engagements.push(engagement);
        self
    }

    /// Adds a management item.
    pub fn management_item(mut self, item: ManagementItem) -> Self {
        self.data.management.push(item);
        self
    }

    /// Adds every management item of `other`, e.g. the seven of Qual-e-pref 2019.
    pub fn management_items_of(mut self, other: &Referentiel) -> Self {
        self.data
            .management
            .extend(other.management_items().iter().cloned());
        self
    }

    /// The référentiel, once its invariants hold.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReferentiel`] listing every broken invariant, as loading a file would.
    pub fn build(self) -> Result<Referentiel, Error> {
        Referentiel::try_from(self.data)
    }
}

impl Module {
    /// Module `number` titled `title`: optional, with its engagements listed (bundled), without
    /// channel groups.
    #[must_use]
    pub fn new(number: ModuleNumber, title: impl Into<String>) -> Module {
        Module {
            number,
            title: title.into(),
            obligatory: false,
            bundled: true,
            heading: None,
            groups: Vec::new(),
        }
    }

    /// This module with the title reports print in its heading, when it differs from the title
    /// in capitals (see [`Module::heading`]).
    #[must_use]
    pub fn with_heading(mut self, heading: impl Into<String>) -> Module {
        self.heading = Some(heading.into());
        self
    }

    /// This module, obligatory for every labelled site.
    #[must_use]
    pub fn obligatory(mut self) -> Module {
        self.obligatory = true;
        self
    }

    /// This module, whose engagements the référentiel does not list.
    #[must_use]
    pub fn not_bundled(mut self) -> Module {
        self.bundled = false;
        self
    }

    /// This module with a channel group added after the others.
    #[must_use]
    pub fn with_group(mut self, group: ChannelGroup) -> Module {
        self.groups.push(group);
        self
    }
}

impl ChannelGroup {
    /// A channel group with its stable `id` and `title`, without a printed heading.
    #[must_use]
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> ChannelGroup {
        ChannelGroup {
            id: id.into(),
            title: title.into(),
            heading: None,
        }
    }

    /// This group with the heading reports print above its engagements.
    #[must_use]
    pub fn with_heading(mut self, heading: impl Into<String>) -> ChannelGroup {
        self.heading = Some(heading.into());
        self
    }
}

impl Engagement {
    /// Engagement `number` of module `module`, titled `title`, in no channel group.
    #[must_use]
    pub fn new(number: EngagementNumber, module: ModuleNumber, title: impl Into<String>) -> Self {
        Engagement {
            number,
            module,
            group: None,
            title: title.into(),
        }
    }

    /// This engagement in the channel group `group` (the group's id) of its module.
    #[must_use]
    pub fn in_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
}

impl ManagementItem {
    /// Item `item` of section `section`, titled `title`.
    #[must_use]
    pub fn new(section: ManagementSection, item: u8, title: impl Into<String>) -> Self {
        ManagementItem {
            section,
            item,
            title: title.into(),
        }
    }

    /// Builds the item from its identifier.
    #[must_use]
    pub fn with_id(id: ManagementItemId, title: impl Into<String>) -> Self {
        ManagementItem::new(id.section, id.item, title)
    }
}
