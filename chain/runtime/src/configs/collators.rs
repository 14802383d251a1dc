//! Who authors blocks: collators chosen by `pallet-collator-selection` (invulnerables set by
//! governance plus candidates who bond), rotated every session by `pallet-session`, authoring in
//! turn with Aura. See docs/chain.md ("Collators") for why this and not fixed Aura authorities.

use crate::{
	AccountId, Aura, AuraId, Balance, Balances, BlockNumber, CollatorSelection, Runtime, RuntimeEvent,
	Session, SessionKeys, HOURS, SLOT_DURATION, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;

parameter_types! {
	/// Sessions last six hours; collators that authored nothing in one are kicked.
	pub const SessionPeriod: BlockNumber = 6 * HOURS;
	pub const SessionOffset: BlockNumber = 0;
	pub const PotId: PalletId = PalletId(*b"PotStake");
	/// Held from a collator when it registers session keys, returned when it purges them.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = (CollatorSelection,);
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	/// Root (sudo today, governance later) sets invulnerables, bonds and the candidate count.
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<20>;
	/// A multiple of the session length, or kicking gets inconsistent.
	type KickThreshold = SessionPeriod;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// No stash and controller accounts: a collator is its account.
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	/// One block per slot: the unincluded-segment hook paces blocks.
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}
