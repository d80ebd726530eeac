//! The dossier's words, in each language: the labels of its enums, shared by the plan, the
//! history and the comparison so that every output says the same thing the same way.

use super::{CheckResult, FindingKind, FollowUp, LabelState, OriginKind, RecordState, Standing};
use crate::Language;

/// The dossier's wording in one language.
pub(crate) struct DossierPhrases {
    pub(crate) kind: fn(FindingKind) -> &'static str,
    pub(crate) origin: fn(OriginKind) -> &'static str,
    pub(crate) record_state: fn(RecordState) -> &'static str,
    pub(crate) check: fn(CheckResult) -> &'static str,
    pub(crate) follow_up: fn(FollowUp) -> &'static str,
    pub(crate) standing: fn(Standing) -> &'static str,
    pub(crate) label_state: fn(LabelState) -> &'static str,
}

/// The dossier's wording in `language`.
pub(crate) const fn of(language: Language) -> &'static DossierPhrases {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

pub(crate) const FR: DossierPhrases = DossierPhrases {
    kind: |k| match k {
        FindingKind::MajorNonconformity => "non-conformité majeure",
        FindingKind::MinorNonconformity => "non-conformité mineure",
        FindingKind::AreaOfConcern => "point sensible",
        FindingKind::OpportunityForImprovement => "piste de progrès",
    },
    origin: |o| match o {
        OriginKind::InternalAudit => "audit interne",
        OriginKind::ExternalAudit => "audit externe",
        OriginKind::Survey => "enquête de satisfaction",
        OriginKind::Complaint => "réclamation",
        OriginKind::UsersCommittee => "comité des usagers",
        OriginKind::AnnualReview => "bilan annuel",
        OriginKind::Other => "autre",
    },
    record_state: |s| match s {
        RecordState::Open => "à faire",
        RecordState::InProgress => "en cours",
        RecordState::Realised => "réalisée",
        RecordState::Closed => "soldée",
    },
    check: |c| match c {
        CheckResult::Conforming => "conforme",
        CheckResult::Again => "relevé de nouveau",
        CheckResult::NotAssessed => "non évalué",
    },
    follow_up: |f| match f {
        FollowUp::Pending => "en attente",
        FollowUp::Realised => "réalisée",
        FollowUp::Lifted => "levée",
        FollowUp::NotRenewed => "non reconduite",
        FollowUp::Persistent => "persistante",
        FollowUp::NotAssessed => "non évaluée",
        FollowUp::Closed => "soldée",
    },
    standing: |s| match s {
        Standing::Overdue => "en retard",
        Standing::DueSoon => "à échéance dans les 30\u{a0}jours",
        Standing::Open => "ouverte",
        Standing::CarriedOver => "reprise par un constat plus récent",
        Standing::Done => "traitée",
    },
    label_state: |s| match s {
        LabelState::NotLabelled => "non labellisé",
        LabelState::Labelled => "labellisé",
        LabelState::Suspended => "label suspendu",
        LabelState::Expired => "label échu",
    },
};

pub(crate) const EN: DossierPhrases = DossierPhrases {
    kind: |k| match k {
        FindingKind::MajorNonconformity => "major nonconformity",
        FindingKind::MinorNonconformity => "minor nonconformity",
        FindingKind::AreaOfConcern => "area of concern",
        FindingKind::OpportunityForImprovement => "opportunity for improvement",
    },
    origin: |o| match o {
        OriginKind::InternalAudit => "internal audit",
        OriginKind::ExternalAudit => "external audit",
        OriginKind::Survey => "satisfaction survey",
        OriginKind::Complaint => "complaint",
        OriginKind::UsersCommittee => "users' committee",
        OriginKind::AnnualReview => "annual review",
        OriginKind::Other => "other",
    },
    record_state: |s| match s {
        RecordState::Open => "to do",
        RecordState::InProgress => "in progress",
        RecordState::Realised => "realised",
        RecordState::Closed => "closed",
    },
    check: |c| match c {
        CheckResult::Conforming => "conforming",
        CheckResult::Again => "found again",
        CheckResult::NotAssessed => "not assessed",
    },
    follow_up: |f| match f {
        FollowUp::Pending => "pending",
        FollowUp::Realised => "realised",
        FollowUp::Lifted => "lifted",
        FollowUp::NotRenewed => "not renewed",
        FollowUp::Persistent => "persistent",
        FollowUp::NotAssessed => "not assessed",
        FollowUp::Closed => "closed",
    },
    standing: |s| match s {
        Standing::Overdue => "overdue",
        Standing::DueSoon => "due within 30 days",
        Standing::Open => "open",
        Standing::CarriedOver => "carried over by a later finding",
        Standing::Done => "dealt with",
    },
    label_state: |s| match s {
        LabelState::NotLabelled => "not labelled",
        LabelState::Labelled => "labelled",
        LabelState::Suspended => "label suspended",
        LabelState::Expired => "label expired",
    },
};
