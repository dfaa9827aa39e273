import { Component, type ComponentChildren } from 'preact';
import type { ChatModel } from '../src/state/chat-model';

/**
 * Renders parts of the panel the way ChatPanel does: again after every change of the model.
 * For tests of single parts; the widget itself renders the whole ChatPanel.
 *
 * @example render(<LiveView model={model}>{() => <ErrorNotice model={model} />}</LiveView>, root)
 */
export class LiveView extends Component<{ model: ChatModel; children: () => ComponentChildren }> {
  private unsubscribe: (() => void) | undefined;

  override componentDidMount(): void {
    this.unsubscribe = this.props.model.subscribe(() => this.forceUpdate());
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override render() {
    return this.props.children();
  }
}
