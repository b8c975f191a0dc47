-- 012: consent is the citizen's, break-the-glass is reviewed with an outcome.
-- A consent a professional records without a reference to the signed declaration waits for the
-- citizen's confirmation ('pending' gives no access); the citizen may also reject it.
ALTER TABLE consent ADD COLUMN state text NOT NULL DEFAULT 'confirmed'
  CHECK (state IN ('pending', 'confirmed', 'rejected'));
ALTER TABLE consent ADD COLUMN declaration_reference text;
ALTER TABLE consent ADD COLUMN declaration_signed_on date;
ALTER TABLE consent ADD COLUMN confirmed_at timestamptz;

-- A power of attorney (fuldmagt) covers giving and withdrawing consent only when it says so.
ALTER TABLE delegation ADD COLUMN includes_consent boolean NOT NULL DEFAULT false;

-- Break-the-glass: the reason from a list beside the free text, and the review's outcome.
ALTER TABLE break_glass ADD COLUMN reason_code text NOT NULL DEFAULT 'other'
  CHECK (reason_code IN ('life-or-health', 'harm-to-others', 'urgent-decision', 'other'));
ALTER TABLE break_glass ADD COLUMN review_outcome text
  CHECK (review_outcome IN ('justified', 'not-justified'));
ALTER TABLE break_glass ADD COLUMN review_comment text;
