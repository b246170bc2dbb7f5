//! Row and column ids as types: one variant per id of the official tables, defined here once
//! and used by the tables of `tables.rs` and every other module. A misspelled id does not
//! compile; text becomes an id only through [`RowId::parse`] / [`ColumnId::parse`].
//!
//! An id compares as one byte (hot loops such as `Table::cell` compare ids), orders by its text
//! (as the `&str` ids did) and is written as its text everywhere: JSON, SARIF, report.toml keys,
//! `Debug`.

macro_rules! ids {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = $text] $variant,)*
        }

        impl $name {
            /// Every id, in the order of the schema's definition.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The id as written in JSON, report.toml and the workbook, e.g. `new_requests`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The id written `text`, if the schema has one.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|id| id.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

ids! {
    /// A row of 表二, 表三 or 表四 (either edition).
    RowId {
        // 表二
        Rules = "rules",
        NormativeDocuments = "normative_documents",
        Licensing = "licensing",
        OtherServices = "other_services",
        Penalty = "penalty",
        Enforcement = "enforcement",
        Fees = "fees",
        Procurement = "procurement",
        // 表三
        NewRequests = "new_requests",
        CarriedOver = "carried_over",
        Results = "results",
        Disclosed = "disclosed",
        PartiallyDisclosed = "partially_disclosed",
        Withheld = "withheld",
        WithheldStateSecret = "withheld_state_secret",
        WithheldProhibitedByLaw = "withheld_prohibited_by_law",
        WithheldThreeSecurities = "withheld_three_securities",
        WithheldThirdParty = "withheld_third_party",
        WithheldInternalAffairs = "withheld_internal_affairs",
        WithheldProcessInfo = "withheld_process_info",
        WithheldEnforcementFiles = "withheld_enforcement_files",
        WithheldQueryMatters = "withheld_query_matters",
        Unavailable = "unavailable",
        UnavailableNotHeld = "unavailable_not_held",
        UnavailableNeedsCreation = "unavailable_needs_creation",
        UnavailableUnclear = "unavailable_unclear",
        NotProcessed = "not_processed",
        NotProcessedPetition = "not_processed_petition",
        NotProcessedRepeated = "not_processed_repeated",
        NotProcessedPublications = "not_processed_publications",
        NotProcessedExcessive = "not_processed_excessive",
        NotProcessedConfirmation = "not_processed_confirmation",
        OtherHandling = "other_handling",
        OtherNoCorrection = "other_no_correction",
        OtherUnpaidFee = "other_unpaid_fee",
        OtherOther = "other_other",
        ResultsTotal = "results_total",
        CarriedForward = "carried_forward",
        // 表四
        Cases = "cases",
    }
}

ids! {
    /// A column of 表二, 表三 or 表四 (either edition).
    ColumnId {
        // 表二, 2021
        Issued = "issued",
        Repealed = "repealed",
        InForce = "in_force",
        Decisions = "decisions",
        FeeAmount = "fee_amount",
        // 表二, 2019
        Produced = "produced",
        Published = "published",
        TotalPublic = "total_public",
        PreviousCount = "previous_count",
        Change = "change",
        ProcurementProjects = "procurement_projects",
        ProcurementAmount = "procurement_amount",
        // 表三
        NaturalPerson = "natural_person",
        Commercial = "commercial",
        Research = "research",
        PublicInterest = "public_interest",
        LegalServices = "legal_services",
        Other = "other",
        Total = "total",
        // 表四
        ReviewUpheld = "review_upheld",
        ReviewCorrected = "review_corrected",
        ReviewOther = "review_other",
        ReviewPending = "review_pending",
        ReviewTotal = "review_total",
        LitigationDirectUpheld = "litigation_direct_upheld",
        LitigationDirectCorrected = "litigation_direct_corrected",
        LitigationDirectOther = "litigation_direct_other",
        LitigationDirectPending = "litigation_direct_pending",
        LitigationDirectTotal = "litigation_direct_total",
        LitigationAfterReviewUpheld = "litigation_after_review_upheld",
        LitigationAfterReviewCorrected = "litigation_after_review_corrected",
        LitigationAfterReviewOther = "litigation_after_review_other",
        LitigationAfterReviewPending = "litigation_after_review_pending",
        LitigationAfterReviewTotal = "litigation_after_review_total",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_as_their_text() {
        assert_eq!(RowId::parse("new_requests"), Some(RowId::NewRequests));
        assert_eq!(RowId::parse("new_requets"), None);
        assert_eq!(ColumnId::parse("total"), Some(ColumnId::Total));
        assert_eq!(format!("{:?}", Some(ColumnId::Total)), "Some(\"total\")");
        assert_eq!(
            serde_json::to_string(&[RowId::Cases]).unwrap(),
            "[\"cases\"]"
        );
        assert!(RowId::CarriedForward < RowId::Cases);
    }

    #[test]
    fn every_id_is_distinct() {
        for all in [
            RowId::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            ColumnId::ALL.iter().map(|c| c.as_str()).collect(),
        ] {
            let mut sorted = all.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), all.len());
        }
    }
}
