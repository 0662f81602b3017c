// The one list of recognizers. A new recognizer is one file beside this one and one line here. The order
// breaks ties between overlapping findings of equal score and length: the more specific recognizer first.

import { bankCardRecognizer } from './bank-card.js';
import { cnMobileRecognizer } from './cn-mobile.js';
import { cnPassportRecognizer } from './cn-passport.js';
import { cnTravelPermitRecognizer } from './cn-travel-permit.js';
import { cnVehiclePlateRecognizer } from './cn-vehicle-plate.js';
import { creditCardRecognizer } from './credit-card.js';
import { e164PhoneRecognizer } from './e164-phone.js';
import { emailRecognizer } from './email.js';
import { ibanRecognizer } from './iban.js';
import { ipv4Recognizer } from './ipv4.js';
import { ipv6Recognizer } from './ipv6.js';
import type { Recognizer } from './recognizer.js';
import { residencePermitRecognizer } from './residence-permit.js';
import { residentIdRecognizer } from './resident-id.js';
import { usccRecognizer } from './unified-social-credit-code.js';

export const RECOGNIZERS: readonly Recognizer[] = [
  residentIdRecognizer,
  residencePermitRecognizer,
  usccRecognizer,
  cnMobileRecognizer,
  creditCardRecognizer,
  bankCardRecognizer,
  cnPassportRecognizer,
  cnTravelPermitRecognizer,
  cnVehiclePlateRecognizer,
  emailRecognizer,
  ipv4Recognizer,
  ipv6Recognizer,
  ibanRecognizer,
  e164PhoneRecognizer,
];

export type { Category, Finding, Recognizer, ScoreReason } from './recognizer.js';
