/**
 * One paragraph block in TipTap: plain text with bold and italic, and bound numbers as atom nodes
 * that cannot be typed over. The document is one paragraph; the block list handles the rest.
 */
import { BoldOutlined, ItalicOutlined, NumberOutlined } from '@ant-design/icons';
import { EditorContent, mergeAttributes, Node, ReactNodeViewRenderer, useEditor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Binding, Inline } from '../../../../shared/reports/model';
import { BindingChip } from './BindingChip';
import { BindingPicker } from './BindingPicker';

/** The document of one paragraph block: exactly one paragraph. */
const OneParagraph = Node.create({ name: 'doc', topNode: true, content: 'paragraph' });

const BindingNode = Node.create({
  name: 'binding',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { binding: { default: null, rendered: false } };
  },
  parseHTML() {
    return [{ tag: 'span[data-binding-node]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-binding-node': '' }, HTMLAttributes)];
  },
  addNodeView() {
    return ReactNodeViewRenderer(BindingChip, { as: 'span' });
  },
});

export function toDoc(content: readonly Inline[]): JSONContent {
  const nodes: JSONContent[] = content.flatMap((i): JSONContent[] => {
    if (i.type === 'binding') return [{ type: 'binding', attrs: { binding: i.binding } }];
    if (!i.text) return [];
    const marks = [...(i.bold ? [{ type: 'bold' }] : []), ...(i.italic ? [{ type: 'italic' }] : [])];
    return [{ type: 'text', text: i.text, ...(marks.length ? { marks } : {}) }];
  });
  return { type: 'doc', content: [{ type: 'paragraph', content: nodes }] };
}

export function fromDoc(doc: JSONContent): Inline[] {
  const out: Inline[] = [];
  for (const para of doc.content ?? []) {
    for (const n of para.content ?? []) {
      if (n.type === 'binding' && n.attrs?.binding) out.push({ type: 'binding', binding: n.attrs.binding as Binding });
      else if (n.type === 'text' && n.text) {
        const bold = n.marks?.some((m) => m.type === 'bold') || undefined;
        const italic = n.marks?.some((m) => m.type === 'italic') || undefined;
        const last = out[out.length - 1];
        if (last?.type === 'text' && last.bold === bold && last.italic === italic) last.text += n.text;
        else out.push({ type: 'text', text: n.text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
      }
    }
  }
  return out;
}

export function ParagraphEditor({ reportId, content, onChange, period, testId }: { reportId: number; content: readonly Inline[]; onChange: (c: Inline[]) => void; period: string; testId?: string }) {
  const { t } = useTranslation('reports');
  const [picking, setPicking] = useState(false);
  const editor = useEditor({
    extensions: [
      OneParagraph,
      StarterKit.configure({
        document: false,
        heading: false,
        bulletList: false,
        orderedList: false,
        listItem: false,
        listKeymap: false,
        blockquote: false,
        codeBlock: false,
        code: false,
        horizontalRule: false,
        strike: false,
        link: false,
        underline: false,
        hardBreak: false,
        trailingNode: false,
      }),
      BindingNode,
    ],
    content: toDoc(content),
    onUpdate: ({ editor: e }) => onChange(fromDoc(e.getJSON())),
    editorProps: { attributes: { class: 'report-paragraph', 'data-testid': testId ?? 'paragraph-editor' } },
  });

  return (
    <div>
      <Space size={2} style={{ marginBottom: 4 }}>
        <Tooltip title={t('toolbar.bold')}>
          <Button size="small" type={editor?.isActive('bold') ? 'primary' : 'text'} icon={<BoldOutlined />} onMouseDown={(e) => e.preventDefault()} onClick={() => editor?.chain().focus().toggleBold().run()} />
        </Tooltip>
        <Tooltip title={t('toolbar.italic')}>
          <Button size="small" type={editor?.isActive('italic') ? 'primary' : 'text'} icon={<ItalicOutlined />} onMouseDown={(e) => e.preventDefault()} onClick={() => editor?.chain().focus().toggleItalic().run()} />
        </Tooltip>
        <Button size="small" type="text" icon={<NumberOutlined />} onMouseDown={(e) => e.preventDefault()} onClick={() => setPicking(true)} data-testid="insert-binding">
          {t('toolbar.insertNumber')}
        </Button>
      </Space>
      <EditorContent editor={editor} />
      <BindingPicker
        reportId={reportId}
        open={picking}
        period={period}
        onClose={() => setPicking(false)}
        onPick={(binding) => {
          editor?.chain().focus().insertContent({ type: 'binding', attrs: { binding } }).run();
          setPicking(false);
        }}
      />
    </div>
  );
}
