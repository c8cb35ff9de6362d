import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';

interface PanelBoundaryProps {
  /** What the boundary guards (`data-area` of the message, for tests and bug reports). */
  area: string;
  children: ReactNode;
  /** A way back other than trying again (e.g. to the KPI panel); none for the map. */
  onBack?: () => void;
}

/**
 * Catches a render error of one part of the page (a panel, the map, the print dialog): that part
 * says so and offers to try again, to go back, or to reload; the rest of the page keeps working.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[${this.props.area}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Read at render time: the language store is plain state, so this needs no hook in a class.
    const locale = useUiStore.getState().locale;
    const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
    const { onBack } = this.props;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error" data-area={this.props.area}>
        <p><strong>{t('boundary.title')}</strong></p>
        <p>{t('boundary.text')}</p>
        <div className="button-row">
          <button type="button" data-testid="panel-error-retry" onClick={() => this.setState({ error: null })}>{t('boundary.retry')}</button>
          {onBack && (
            <button type="button" data-testid="panel-error-back" onClick={() => { this.setState({ error: null }); onBack(); }}>{t('boundary.back')}</button>
          )}
          <button type="button" onClick={() => window.location.reload()}>{t('boundary.reload')}</button>
        </div>
      </div>
    );
  }
}
