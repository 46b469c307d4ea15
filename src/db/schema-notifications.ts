/** Outgoing webhooks, their deliveries, and what was mailed to whom (so a digest goes once a day). */
export interface WebhooksTable {
  id: string;
  name: string;
  url: string;
  /** The signing secret, sealed with the instance secret; shown once when the webhook is created. */
  secret_sealed: string;
  /** JSON array of event patterns such as "policy.*" or "incident.create". */
  events: string;
  active: boolean | number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface NotificationLogTable {
  person_id: string;
  kind: string;
  day: string;
  sent_at: string;
  items: number;
}

export interface NotificationsTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  notification_log: NotificationLogTable;
}
