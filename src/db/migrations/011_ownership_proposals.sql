-- 011: every intervention belongs to its delivering unit.
--
-- An intervention recorded by someone outside its unit awaits that unit's confirmation, and its
-- author sees its details until then. Everyone else proposes a change (forslag) to the owning
-- unit, which accepts (the change is applied as a plan write) or declines it with a reason.
-- A pending referral now means a requested one: an accepted referral puts the accepting
-- professional on the team, so the read model's referral units are recomputed.

ALTER TABLE intervention ADD COLUMN recorded_by uuid;
ALTER TABLE intervention ADD COLUMN awaiting_confirmation boolean NOT NULL DEFAULT false;

CREATE TABLE proposal (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  intervention_id uuid NOT NULL,
  -- The unit that owns the intervention when the proposal was made: it answers.
  owner_unit_id uuid NOT NULL,
  proposed_by uuid NOT NULL,
  proposed_by_unit_id uuid NOT NULL,
  -- The change, as the intervention PATCH body (validated by the same schema).
  change jsonb NOT NULL,
  comment text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  decided_by uuid,
  decided_at timestamptz,
  decline_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, intervention_id) REFERENCES intervention (municipality_id, id),
  FOREIGN KEY (municipality_id, proposed_by) REFERENCES professional (municipality_id, id),
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
CREATE INDEX proposal_citizen_idx ON proposal (municipality_id, citizen_id, created_at DESC);
CREATE INDEX proposal_owner_pending_idx ON proposal (municipality_id, owner_unit_id) WHERE status = 'pending';

UPDATE plan_document d SET referral_unit_ids = COALESCE(
  (SELECT array_agg(DISTINCT r.to_unit_id) FROM referral r
    WHERE r.municipality_id = d.municipality_id AND r.citizen_id = d.citizen_id
      AND r.status = 'requested' AND r.to_unit_id IS NOT NULL),
  '{}');
