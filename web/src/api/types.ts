// The API's answers as the dashboard uses them (docs/server.md, /api/openapi.json). Only the fields read
// here are listed; the server may send more.

export type Level = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export const LEVELS: readonly Level[] = ['informational', 'low', 'medium', 'high', 'critical'];

export type Role = 'admin' | 'analyst' | 'reporter' | 'auditor';
export type OrganisationKind = 'hub' | 'operator';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled?: boolean;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly hubId?: string | null;
  readonly sector?: string | null;
  readonly province?: string | null;
  readonly cii?: boolean;
  readonly mlpsLevel?: number | null;
  readonly operatorType?: string | null;
}

export interface Me {
  readonly user: User;
  readonly organisation: Organisation;
}

export interface Alert {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly level: Level;
  readonly tags: readonly string[];
  readonly eventTime: string;
  readonly computer: string | null;
  readonly channel?: string | null;
  readonly eventId?: number | null;
  readonly fields: Record<string, unknown>;
  readonly receivedAt: string;
  /** Only from GET /api/alerts/:id. */
  readonly event?: Record<string, unknown>;
}

export interface AlertPage {
  readonly alerts: readonly Alert[];
  readonly nextCursor?: string | null;
}

export interface AlertSummary {
  readonly total: number;
  readonly byLevel: Record<Level, number>;
  readonly bucket: string;
  readonly overTime: readonly { time: string; level: Level; count: number }[];
  readonly topRules: readonly { ruleId: string; ruleTitle: string; level: Level; count: number }[];
  readonly topHosts: readonly { computer: string; count: number }[];
  readonly techniques: readonly { tactic: string; technique: string; count: number }[];
}

export type TimelinessStatus = 'on-time' | 'late' | 'due' | 'overdue';

export interface Timeliness {
  readonly status: TimelinessStatus;
  readonly minutesRemaining?: number;
  readonly minutesLate?: number;
}

export interface Source {
  readonly instrument?: string;
  readonly short?: string;
  readonly article?: string;
  readonly url?: string;
}

export interface DeadlineState {
  readonly report: 'first' | 'closing';
  readonly due: string;
  readonly within: string;
  readonly reportTo: readonly string[];
  readonly timeliness: Timeliness;
  readonly reportId?: string;
}

export interface DecidingCriterion {
  readonly criterion: string;
  readonly description: string;
  readonly fact: string;
  readonly level: string;
  readonly value: unknown;
  readonly threshold: unknown;
  readonly unit: string;
  readonly source: Source;
  readonly confidence: string;
  readonly inclusive?: boolean;
  readonly overridden?: boolean;
  readonly explanation: string;
}

export interface Assessment {
  readonly grade: {
    readonly level: string;
    readonly levelName: { en: string; zh?: string };
    readonly mustReport: boolean;
    readonly decidedBy: readonly DecidingCriterion[];
    readonly missingFacts: readonly string[];
    readonly warnings: readonly { kind: string; message: string }[];
    readonly summary: string;
  };
  readonly clock: {
    readonly discoveredAt: string;
    readonly firstReport: { due: string; countedFrom: string; within: string };
    readonly closingReport?: { due: string; countedFrom: string; within: string };
  };
  readonly deadlines: readonly DeadlineState[];
}

export type IncidentStatus = 'new' | 'triage' | 'contained' | 'resolved' | 'closed';

export interface Incident {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly status: IncidentStatus;
  readonly assigneeId: string | null;
  readonly discoveredAt: string;
  readonly handlingEndedAt: string | null;
  readonly facts: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly alertCount: number;
  readonly assessment: Assessment;
}

export interface IncidentNote {
  readonly id: string;
  readonly author: string;
  readonly createdAt: string;
  readonly body?: string;
  readonly description?: string;
  readonly location?: string | null;
  readonly sha256?: string | null;
}

export interface ReportSummary {
  readonly id: string;
  readonly incidentId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly kind: 'first' | 'follow-up' | 'closing';
  readonly status: string;
  readonly level: string | null;
  readonly dueAt: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly timeliness?: Timeliness | null;
}

export interface IncidentDetail extends Incident {
  readonly alerts: readonly Alert[];
  readonly comments: readonly IncidentNote[];
  readonly evidence: readonly IncidentNote[];
  readonly reports: readonly ReportSummary[];
}

export interface ReportDocumentField {
  readonly name: string;
  readonly label: string;
  readonly labelZh?: string;
  readonly required: boolean;
  readonly value?: string;
  readonly confidence?: string;
  readonly source?: Source;
}

export interface ReportDocument {
  readonly kind: string;
  readonly title: string;
  readonly status: string;
  readonly generatedAt?: string;
  readonly fields: readonly ReportDocumentField[];
  readonly missingRequired: readonly string[];
  readonly grading?: { level: string; levelName: string; mustReport: boolean; summary: string; decidedBy: readonly { explanation: string }[]; warnings: readonly string[] };
}

export interface Report extends ReportSummary {
  readonly document: ReportDocument;
}

// The data catalog and transfers abroad (src/server/routes/data-*.ts).

export type ClassificationLevel = 'general' | 'important' | 'core';
export const CLASSIFICATION_LEVELS: readonly ClassificationLevel[] = ['general', 'important', 'core'];

export interface ReasoningStep {
  readonly text: string;
  /** "Order 16 Art. 7": the source's short name and article (transfer steps). */
  readonly article?: string;
  readonly source?: Source;
  /** verified, secondary, unverified or draft: how sure Rampart's record of the rule is. */
  readonly confidence?: string;
}

export interface Impact {
  readonly object: string;
  readonly harm: string;
}

export interface DataAsset {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly location: string;
  readonly owner: string;
  readonly categories: readonly string[];
  readonly individuals: number | null;
  readonly impacts: readonly Impact[];
  readonly proposedLevel: ClassificationLevel;
  readonly level: ClassificationLevel | null;
  readonly levelDecidedBy: string | null;
  readonly levelDecidedAt: string | null;
  readonly levelNote: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sensitivity: { readonly sensitive: boolean; readonly sensitiveCategories: readonly string[]; readonly reasoning: readonly ReasoningStep[] };
  readonly proposal: { readonly level: ClassificationLevel; readonly reasoning: readonly ReasoningStep[] };
}

export interface AssetHistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly changes: Record<string, unknown>;
  readonly note: string | null;
}

export interface DataAssetDetail extends DataAsset {
  readonly history: readonly AssetHistoryEntry[];
}

export interface VocabularyEntry {
  readonly id: string;
  readonly label: string;
  readonly sensitive?: boolean;
  readonly article?: string;
}

export interface DataVocabulary {
  readonly categories: readonly VocabularyEntry[];
  readonly impactObjects: readonly VocabularyEntry[];
  readonly harmDegrees: readonly VocabularyEntry[];
  readonly exemptions: readonly VocabularyEntry[];
}

export type TransferRoute = 'exempt' | 'standard-contract-or-certification' | 'security-assessment';

export interface ThresholdWarning {
  readonly kind: 'threshold' | 'core-data';
  readonly threshold?: string;
  readonly value?: number;
  readonly limit?: number;
  readonly share?: number;
  readonly text: string;
}

export interface TransferDecision {
  readonly route: TransferRoute;
  readonly basis: { readonly short: string; readonly article: string; readonly confidence?: string };
  readonly reasoning: readonly ReasoningStep[];
  readonly cumulative: { readonly since: string; readonly individuals: number; readonly sensitiveIndividuals: number };
  readonly warnings: readonly ThresholdWarning[];
  readonly refusedExemption?: { readonly id: string; readonly reasons: readonly ReasoningStep[] };
}

export interface TransferObligation {
  readonly id: string;
  readonly kind: 'deadline' | 'expiry' | 'retain-until';
  readonly due: string;
  readonly from: string;
  readonly text: string;
  readonly source?: Source;
  readonly confidence?: string;
  readonly calendarCovered: boolean;
  readonly warnings: readonly string[];
  readonly status: 'due' | 'overdue' | 'done';
}

export interface DataTransfer {
  readonly id: string;
  readonly number: number;
  readonly recipient: string;
  readonly country: string;
  readonly purpose: string;
  readonly transferDate: string;
  readonly assetIds: readonly string[];
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly importantData: boolean;
  readonly coreData: boolean;
  readonly exemption: string | null;
  readonly route: TransferRoute;
  readonly decision: TransferDecision;
  readonly assessmentApprovedOn: string | null;
  readonly renewalAppliedOn: string | null;
  readonly contractEffectiveOn: string | null;
  readonly contractFiledOn: string | null;
  readonly pipiaCompletedOn: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly obligations: readonly TransferObligation[];
}

export interface TransferVolumes {
  readonly year: number;
  readonly asOf: string;
  readonly cumulative: TransferDecision['cumulative'];
  readonly warnings: readonly ThresholdWarning[];
  readonly thresholds: Record<string, unknown>;
}

/** One operator's transfers abroad of a year, as the coordination centre sees them. */
export interface HubTransferFigures {
  readonly id: string;
  readonly name: string;
  readonly sector: string | null;
  readonly cii: boolean;
  readonly transfers: number;
  readonly byRoute: Record<TransferRoute, number>;
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly overdueObligations: number;
  readonly warnings: readonly string[];
}
