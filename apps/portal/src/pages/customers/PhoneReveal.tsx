import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { api } from '../../api';
import { useFeedback } from '../../components/feedback';
import { problemText } from '../../errors';
import { telHref } from './format';

interface Props {
  prospectId: number | null;
  name: string;
  mobileMasked: string;
}

/**
 * The customer's number, masked until the member of staff is about to call: 显示号码 fetches the
 * full number (each reveal is logged by the API) and turns it into a tel: link.
 */
export function PhoneReveal({ prospectId, name, mobileMasked }: Props) {
  const { message } = useFeedback();
  const reveal = useMutation({
    mutationFn: (id: number) => api.prospects.revealPhone(id),
    onError: (error) => message.error(problemText(error)),
  });
  const phone = reveal.data?.phone;
  if (phone) {
    return (
      <a href={telHref(phone)} aria-label={`拨打 ${name} 的电话 ${phone}`} data-testid="phone-link">
        <Space size={4}>
          <PhoneOutlined />
          {phone}
        </Space>
      </a>
    );
  }
  return (
    <Space size={8}>
      <Typography.Text data-testid="phone-masked">{mobileMasked}</Typography.Text>
      {prospectId !== null && (
        <Button
          size="small"
          icon={<PhoneOutlined />}
          data-testid="phone-reveal"
          aria-label={`显示 ${name} 的完整号码`}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(prospectId)}
        >
          显示号码
        </Button>
      )}
    </Space>
  );
}
